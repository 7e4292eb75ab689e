import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { agents, auditLog, customers } from '#server/db/schema';
import { decodeCursor, encodeCursor } from '#server/domain/cursor';
import type { AuditAction, AuditEntry, AuditPage, AuditQuery } from '#shared/schemas/audit';
import type { Reader } from './threadQueries';
import { dateRange } from './search/where';
import { run, statement, type Q } from '#server/db/engine/statement';
import { runSync } from '#server/db/engine/sqliteRunner';
import { rootOf } from '#server/db/statements';

/** One thing to record: who (and in which session) did what to which customer or thread. */
export interface AuditInput {
  actorId: number | null;
  sessionHash?: string | null;
  action: AuditAction;
  customerId?: number | null;
  threadId?: number | null;
  detail?: Record<string, unknown>;
}

// One statement for both engines; `on conflict do nothing` makes a repeated customer view (the
// partial unique index audit_view_once_uq) a no-op on either.
const insertAudit = statement<{
  at: number;
  actorId: number | null;
  sessionHash: string | null;
  action: AuditAction;
  customerId: number | null;
  threadId: number | null;
  detail: string;
}>(
  'audit.insert',
  `insert into audit_log (at, actor_id, session_hash, action, customer_id, thread_id, detail)
   values (:at, :actorId, :sessionHash, :action, :customerId, :threadId, :detail) on conflict do nothing`,
);

/**
 * Append an entry to the audit log (engine-neutral). A customer view is kept once per session and
 * customer (the partial unique index makes the repeat a no-op). There is deliberately no update or delete.
 */
export function* recordAuditQ(e: AuditInput, at: number): Q<void> {
  yield* run(insertAudit, {
    at,
    actorId: e.actorId,
    sessionHash: e.sessionHash ?? null,
    action: e.action,
    customerId: e.customerId ?? null,
    threadId: e.threadId ?? null,
    detail: JSON.stringify(e.detail ?? {}),
  });
}

/** recordAuditQ for the synchronous SQLite services, in the transaction (or on the database) `r` is. */
export function recordAudit(r: Reader, e: AuditInput, at: number): void {
  runSync(rootOf(r).$client, recordAuditQ(e, at));
}

/** A page of the audit log, newest first, filtered by actor, customer, action and local dates. */
export function listAudit(r: Reader, q: AuditQuery): AuditPage {
  const where: SQL[] = [];
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.customerId) where.push(eq(auditLog.customerId, q.customerId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  const { start, end } = dateRange(q);
  if (start !== undefined) where.push(sql`${auditLog.at} >= ${start}`);
  if (end !== undefined) where.push(sql`${auditLog.at} < ${end}`);
  if (q.cursor) where.push(lt(auditLog.id, decodeCursor(q.cursor)[0]));
  const rows = r
    .select({ e: auditLog, actorName: agents.name, customerName: customers.name })
    .from(auditLog)
    .leftJoin(agents, eq(agents.id, auditLog.actorId))
    .leftJoin(customers, eq(customers.id, auditLog.customerId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1)
    .all();
  const items: AuditEntry[] = rows.slice(0, q.limit).map(({ e, actorName, customerName }) => ({
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName,
    action: e.action,
    customerId: e.customerId,
    customerName,
    threadId: e.threadId,
    detail: e.detail,
  }));
  const more = rows.length > q.limit;
  return { items, nextCursor: more ? encodeCursor([items[items.length - 1].id, 0]) : null };
}
