// Supervision: the audit log (append-only, enforced by triggers in its migration) and outbound webhooks.
// All timestamps are epoch milliseconds (integers).
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { agents } from './people';

/** Who did or looked at what. Rows are never updated or deleted (triggers refuse it). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actorId: integer('actor_id').references(() => agents.id),
    /** Hash of the actor's session: a customer view is recorded once per session. */
    sessionHash: text('session_hash'),
    action: text('action').notNull(),
    customerId: integer('customer_id'),
    threadId: integer('thread_id'),
    /** What else matters about the action (search text, export filters, changed fields …). */
    detail: text('detail', { mode: 'json' })
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'`),
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
