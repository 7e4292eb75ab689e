// Supervision: the audit log (append-only, enforced by triggers in its migration) and outbound webhooks.
// All timestamps are epoch milliseconds (integers).
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { AUDIT_ACTIONS } from '#shared/schemas/audit';
import { WEBHOOK_EVENTS, type WebhookEvent } from '#shared/schemas/webhooks';
import { agents } from './people';
import { id, count, createdAt, timestamps, jobLease, ref, jsonObject, int } from './columns';

/** Who did or looked at what. Rows are never updated or deleted (triggers refuse it). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: id(),
    at: int('at'),
    actorId: integer('actor_id').references(() => agents.id),
    /** Hash of the actor's session: a customer view is recorded once per session. */
    sessionHash: text('session_hash'),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    customerId: integer('customer_id'),
    threadId: integer('thread_id'),
    /** What else matters about the action (search text, export filters, changed fields …). */
    detail: jsonObject<Record<string, unknown>>('detail'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorId, t.at),
    index('audit_customer_idx').on(t.customerId, t.at),
    uniqueIndex('audit_view_once_uq')
      .on(t.sessionHash, t.customerId)
      .where(sql`action = 'customer.viewed'`),
  ],
);

/** Where admins want Braid's events sent (outbound webhooks). The secret signs every delivery. */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: id(),
  url: text('url').notNull(),
  /** Event names this endpoint receives (JSON array). */
  events: text('events', { mode: 'json' }).$type<WebhookEvent[]>().notNull(),
  /** HMAC-SHA256 key; kept in clear because every delivery is signed with it, shown to the admin once. */
  secret: text('secret').notNull(),
  createdBy: integer('created_by').references(() => agents.id),
  createdAt: createdAt(),
});

/**
 * One event to send to one endpoint: the webhook outbox. Queued in the transaction that wrote the
 * event, delivered and retried with backoff by the webhook worker; the row is the visible status.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: id(),
    endpointId: ref('endpoint_id', () => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    /** The event's data object (the body adds id, event and time around it). */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'sending', 'done', 'failed'] }).notNull(),
    attempts: count('attempts'),
    nextAttemptAt: int('next_attempt_at'),
    lastError: text('last_error'),
    /** HTTP status of the last answer (null when none came). */
    lastStatusCode: integer('last_status_code'),
    ...jobLease(),
    ...timestamps(),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
  ],
);
