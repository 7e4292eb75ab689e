import { z } from 'zod';
import { AlertSchema } from './alerts';
import { PresenceSchema } from './common';
import { CustomerSchema } from './customer';
import { MessageSchema } from './message';
import { ThreadSummarySchema } from './thread';

/** A message was added to a thread (inbound, reply, note or system entry). */
export const MessageCreatedEventSchema = z.object({
  type: z.literal('message.created'),
  seq: z.number(),
  message: MessageSchema,
  thread: ThreadSummarySchema,
});

/** A message changed (delivery status, sentiment, transcript). */
export const MessageUpdatedEventSchema = z.object({
  type: z.literal('message.updated'),
  seq: z.number(),
  message: MessageSchema,
});

/** A thread's summary changed (status, assignee, team, priority, waiting clock, SLA). */
export const ThreadUpdatedEventSchema = z.object({
  type: z.literal('thread.updated'),
  seq: z.number(),
  thread: ThreadSummarySchema,
  /** What changed, for activity feeds: 'assigned', 'status', 'merged', … */
  reason: z.string(),
});

/** A thread disappeared from lists (its customer was merged into another). */
export const ThreadRemovedEventSchema = z.object({
  type: z.literal('thread.removed'),
  seq: z.number(),
  threadId: z.number(),
  mergedIntoThreadId: z.number().nullable(),
});

/** A customer's profile or identities changed. */
export const CustomerUpdatedEventSchema = z.object({
  type: z.literal('customer.updated'),
  seq: z.number(),
  customer: CustomerSchema,
  threadId: z.number().nullable(),
});

/** SLA threshold crossed (50/75/90 % warning or 100 % breach). */
export const SlaAlertEventSchema = z.object({
  type: z.literal('sla.alerted'),
  seq: z.number(),
  threadId: z.number(),
  kind: z.enum(['first_response', 'next_response', 'resolution']),
  fraction: z.number(),
  dueAt: z.number(),
  state: z.enum(['warning', 'breached']),
});

/** A thread's sentiment dropped below the team's threshold. */
export const SentimentAlertEventSchema = z.object({
  type: z.literal('sentiment.alerted'),
  seq: z.number(),
  threadId: z.number(),
  score: z.number(),
  threshold: z.number(),
});

/** A team alert rule's figure crossed its threshold (to the team's leads, supervisors and admins). */
export const AlertFiredEventSchema = z.object({ type: z.literal('alert.fired'), seq: z.number(), alert: AlertSchema });

/** A lead acknowledged a team alert. */
export const AlertAcknowledgedEventSchema = z.object({
  type: z.literal('alert.acknowledged'),
  seq: z.number(),
  alert: AlertSchema,
});

/** A team alert's condition cleared (its figure fell back below the threshold; the rule is armed again). */
export const AlertClearedEventSchema = z.object({
  type: z.literal('alert.cleared'),
  seq: z.number(),
  alert: AlertSchema,
});

/** Every logged event; each carries the log sequence. */
export const LoggedEventSchema = z.discriminatedUnion('type', [
  MessageCreatedEventSchema,
  MessageUpdatedEventSchema,
  ThreadUpdatedEventSchema,
  ThreadRemovedEventSchema,
  CustomerUpdatedEventSchema,
  SlaAlertEventSchema,
  SentimentAlertEventSchema,
  AlertFiredEventSchema,
  AlertAcknowledgedEventSchema,
  AlertClearedEventSchema,
]);
/** A logged (replayable) event. */
export type LoggedEvent = z.infer<typeof LoggedEventSchema>;
/** Names of logged events. */
export type LoggedEventType = LoggedEvent['type'];
/** The logged event with a given name. */
export type LoggedEventOf<T extends LoggedEventType> = Extract<LoggedEvent, { type: T }>;
/** A logged event before it has been given its sequence. */
export type NewEvent = LoggedEvent extends infer E ? (E extends { seq: number } ? Omit<E, 'seq'> : never) : never;

/** Catch-up response: events after a sequence, oldest first. */
export const EventsPageSchema = z.object({
  events: z.array(LoggedEventSchema),
  /** Highest sequence the server has, so the client can tell whether it is complete. */
  lastSeq: z.number(),
  /** True when more events remain after this page. */
  more: z.boolean(),
});
/** Catch-up page DTO. */
export type EventsPage = z.infer<typeof EventsPageSchema>;

/** Catch-up query. */
export const EventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

/** Live presence of one agent (ephemeral, not logged). */
export const PresenceChangedSchema = z.object({ agentId: z.number(), presence: PresenceSchema });
/** Presence DTO. */
export type PresenceChanged = z.infer<typeof PresenceChangedSchema>;

/**
 * Presence of many agents as agent ids per status (compact: leads and above hear about every agent,
 * so the bytes per agent matter; agents hear about their teammates and themselves). Agents not listed
 * are unchanged (in a change) or offline (in a snapshot, which holds only the agents the receiver may see).
 */
export const PresenceListsSchema = z.object({
  online: z.array(z.number()),
  away: z.array(z.number()),
  offline: z.array(z.number()),
});
/** Presence lists DTO. */
export type PresenceLists = z.infer<typeof PresenceListsSchema>;

/** Who is viewing / typing in a thread right now (ephemeral, not logged). */
export const ThreadViewersSchema = z.object({
  threadId: z.number(),
  viewers: z.array(z.object({ agentId: z.number(), typing: z.boolean() })),
});
/** Viewers DTO. */
export type ThreadViewers = z.infer<typeof ThreadViewersSchema>;

/** Client → server: set my presence. */
export const SetPresencePayloadSchema = z.object({ presence: z.enum(['online', 'away']) });
/** Client → server: I am viewing this thread (null = none). */
export const ViewThreadPayloadSchema = z.object({ threadId: z.number().int().positive().nullable() });
/** Client → server: I am (not) typing in this thread. */
export const TypingPayloadSchema = z.object({ threadId: z.number().int().positive(), typing: z.boolean() });

/** Head of the log: where a freshly loaded page starts listening from. */
export const EventsHeadSchema = z.object({ lastSeq: z.number() });
