import type { QueryClient } from '@tanstack/react-query';
import type { LoggedEvent } from '#shared/schemas/events';
import type { LOGGED_EVENT_TYPES, ServerToClientEvents } from '#shared/socketEvents';
import { alertQueries } from '#client/api/alerts';
import { customerQueries } from '#client/api/customers';
import { threadQueries } from '#client/api/threads';
import { patchThread, removeThread, upsertMessage, upsertThread } from './cacheUpdates';

/** Who is looking at the app: needed to decide unread counts. */
export interface ApplyContext {
  myId: number;
  /** The thread currently open on screen, if any. */
  openThreadId: number | null;
}

/** Names of the logged (replayable) events the server sends. */
export type LoggedEventName = (typeof LOGGED_EVENT_TYPES)[number];

/** What one logged event does to the cache; the payload type comes from the shared socket event map. */
type Handler<K extends LoggedEventName> = (
  qc: QueryClient,
  e: Parameters<ServerToClientEvents[K]>[0],
  ctx: ApplyContext,
) => void;

/** One handler per logged event: an event added to the shared map without a handler here does not compile. */
export type EventHandlers = { [K in LoggedEventName]: Handler<K> };

/** How each logged event changes the React Query cache directly (no refetch). */
export const eventHandlers: EventHandlers = {
  'message.created': (qc, e, ctx) => {
    upsertMessage(qc, e.message);
    // A merge moves a whole history into this thread: the cached timeline must be reloaded.
    if (e.message.systemKind === 'merged' || e.message.systemKind === 'unmerged')
      void qc.invalidateQueries({ queryKey: threadQueries.messages(e.message.threadId).queryKey });
    const reading = ctx.openThreadId === e.message.threadId;
    const mine = e.message.direction === 'outbound' && e.message.authorAgentId === ctx.myId;
    upsertThread(qc, e.thread, ctx.myId, {
      increment: e.message.direction === 'inbound' && !reading,
      reset: reading || mine,
    });
  },
  'message.updated': (qc, e) => upsertMessage(qc, e.message),
  'thread.updated': (qc, e, ctx) => upsertThread(qc, e.thread, ctx.myId),
  'thread.removed': (qc, e) => removeThread(qc, e.threadId),
  'customer.updated': (qc, e) => {
    if (e.threadId !== null)
      qc.setQueryData(threadQueries.detail(e.threadId).queryKey, (d) => (d ? { ...d, customer: e.customer } : d));
    void qc.invalidateQueries({ queryKey: customerQueries.profile(e.customer.id).queryKey, refetchType: 'active' });
  },
  'sla.alerted': (qc, e) =>
    patchThread(qc, e.threadId, (t) => ({
      ...t,
      sla: t.sla ? { ...t.sla, state: e.state, kind: e.kind, dueAt: e.dueAt } : t.sla,
    })),
  // Nothing cached changes: the thread's sentiment arrives with its message; leads see the alert
  // itself through onEvent (features/notifications/LeadAlerts.tsx).
  'sentiment.alerted': () => {},
  // Team alerts: the board's alert list and badge read the history again (it is small).
  'alert.fired': (qc) => void qc.invalidateQueries({ queryKey: [...alertQueries.all(), 'list'] }),
  'alert.acknowledged': (qc) => void qc.invalidateQueries({ queryKey: [...alertQueries.all(), 'list'] }),
  'alert.cleared': (qc) => void qc.invalidateQueries({ queryKey: [...alertQueries.all(), 'list'] }),
};

/** Apply one logged event to the cache through its handler. */
export function applyEvent(qc: QueryClient, e: LoggedEvent, ctx: ApplyContext): void {
  // The map is total and keyed by the event's own type, so the handler fits the event.
  (eventHandlers[e.type] as Handler<LoggedEventName>)(qc, e, ctx);
}
