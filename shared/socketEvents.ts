import type { z } from 'zod';
import type { BoardDelta } from './schemas/liveBoard';
import type {
  LoggedEventOf,
  PresenceLists,
  SetPresencePayloadSchema,
  ThreadViewers,
  TypingPayloadSchema,
  ViewThreadPayloadSchema,
} from './schemas/events';

/** Acknowledgement for client → server socket messages. */
export type SocketAck = (result: { ok: true } | { ok: false; error: string }) => void;

/** Everything the server announces to agents' browsers (declared once, used by both ends). */
export interface ServerToClientEvents {
  'message.created': (e: LoggedEventOf<'message.created'>) => void;
  'message.updated': (e: LoggedEventOf<'message.updated'>) => void;
  'thread.updated': (e: LoggedEventOf<'thread.updated'>) => void;
  'thread.removed': (e: LoggedEventOf<'thread.removed'>) => void;
  'customer.updated': (e: LoggedEventOf<'customer.updated'>) => void;
  'sla.alerted': (e: LoggedEventOf<'sla.alerted'>) => void;
  'sentiment.alerted': (e: LoggedEventOf<'sentiment.alerted'>) => void;
  /** Team alerts (leads of the team, supervisors, admins). */
  'alert.fired': (e: LoggedEventOf<'alert.fired'>) => void;
  'alert.acknowledged': (e: LoggedEventOf<'alert.acknowledged'>) => void;
  'alert.cleared': (e: LoggedEventOf<'alert.cleared'>) => void;
  /** Presence changes gathered over a short window (each agent once, with its current presence). */
  'presence.changed': (e: PresenceLists) => void;
  'thread.viewers': (e: ThreadViewers) => void;
  /** Sent once after connecting: the current presence of every agent. */
  'presence.snapshot': (e: PresenceLists) => void;
  /** Floor board (leads, supervisors, admins): the teams and agents a committed change touched. */
  'live.board': (e: BoardDelta) => void;
}

/** Messages an agent's browser may send (payloads are validated on the server). */
export interface ClientToServerEvents {
  'presence.set': (p: z.input<typeof SetPresencePayloadSchema>, ack?: SocketAck) => void;
  'thread.view': (p: z.input<typeof ViewThreadPayloadSchema>, ack?: SocketAck) => void;
  'thread.typing': (p: z.input<typeof TypingPayloadSchema>, ack?: SocketAck) => void;
}

/** Logged event names, for iterating handlers on both sides. */
export const LOGGED_EVENT_TYPES = [
  'message.created',
  'message.updated',
  'thread.updated',
  'thread.removed',
  'customer.updated',
  'sla.alerted',
  'sentiment.alerted',
  'alert.fired',
  'alert.acknowledged',
  'alert.cleared',
] as const;
