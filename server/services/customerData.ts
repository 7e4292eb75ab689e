import { asc, eq, inArray, or } from 'drizzle-orm';
import { auditLog, customers, episodes, events, identities, merges, messages, threads } from '#server/db/schema';
import { toMessage } from '#server/db/mappers';
import { unindexMessages } from '#server/db/searchIndex';
import type { ServiceDeps } from './deps';
import { getCustomer, threadOfCustomer } from './threadQueries';
import { transact } from './tx';
import { recordAudit } from './audit';
import { NotFoundError } from '#server/errors';
import { isWhisper } from '#shared/schemas/monitor';

/** Everything Braid holds about one customer (a data-subject access request), as JSON. */
export function exportCustomerData(deps: ServiceDeps, customerId: number) {
  const db = deps.db;
  const customer = getCustomer(db, customerId);
  const thread = threadOfCustomer(db, customerId) ?? null;
  // A supervisor's whisper to an agent is staff coaching, not the customer's data: never exported.
  const rows = (
    thread ? db.select().from(messages).where(eq(messages.threadId, thread.id)).orderBy(asc(messages.sortTs)).all() : []
  ).filter((m) => !isWhisper(m));
  return {
    exportedAt: new Date(deps.now()).toISOString(),
    customer,
    mergedFrom: db.select().from(customers).where(eq(customers.mergedIntoId, customerId)).all(),
    thread,
    episodes: thread ? db.select().from(episodes).where(eq(episodes.threadId, thread.id)).all() : [],
    messages: rows.map(toMessage),
    /** Files sent or received, listed (the files themselves are fetched through their URLs). */
    attachments: rows.flatMap((m) => toMessage(m).attachments.map((a) => ({ messageId: m.id, ...a }))),
    merges: db
      .select()
      .from(merges)
      .where(or(eq(merges.targetCustomerId, customerId), eq(merges.sourceCustomerId, customerId)))
      .all(),
    audit: db.select().from(auditLog).where(eq(auditLog.customerId, customerId)).orderBy(asc(auditLog.id)).all(),
  };
}

/**
 * Erase a customer: message texts, subjects, HTML, attachments and metadata redacted; identities
 * anonymised (they stay as rows because messages point at them); profile cleared; the thread's
 * preview and its event-log entries (which carry message texts) removed; the search index cleared.
 * The audit entry recording the erase is written in the same transaction and kept.
 */
export function eraseCustomer(deps: ServiceDeps, actor: { id: number; sessionHash?: string }, customerId: number) {
  return transact(deps, (tx) => {
    const exists = tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).get();
    if (!exists) throw new NotFoundError(`customer ${customerId} not found`);
    const now = deps.now();
    const people = tx
      .select({ id: customers.id })
      .from(customers)
      .where(or(eq(customers.id, customerId), eq(customers.mergedIntoId, customerId)))
      .all()
      .map((c) => c.id);
    const threadIds = tx
      .select({ id: threads.id })
      .from(threads)
      .where(inArray(threads.customerId, people))
      .all()
      .map((t) => t.id);
    const messageIds = tx
      .select({ id: messages.id })
      .from(messages)
      .where(inArray(messages.threadId, threadIds.length ? threadIds : [-1]))
      .all()
      .map((m) => m.id);
    unindexMessages(tx, messageIds);
    for (const id of messageIds) {
      tx.update(messages)
        .set({ text: '', html: null, subject: null, attachments: [], meta: { erased: true } })
        .where(eq(messages.id, id))
        .run();
    }
    const ids = tx.select().from(identities).where(inArray(identities.customerId, people)).all();
    for (const i of ids) {
      tx.update(identities)
        .set({ address: `erased-${i.id}`, displayName: null, phone: null, email: null, meta: {} })
        .where(eq(identities.id, i.id))
        .run();
    }
    tx.update(customers)
      .set({ name: 'Erased customer', notes: '', tags: [], language: null, timeZone: null, tier: null, updatedAt: now })
      .where(inArray(customers.id, people))
      .run();
    if (threadIds.length) {
      tx.update(threads).set({ lastMessagePreview: '' }).where(inArray(threads.id, threadIds)).run();
      tx.delete(events).where(inArray(events.threadId, threadIds)).run();
    }
    recordAudit(
      tx,
      {
        actorId: actor.id,
        sessionHash: actor.sessionHash,
        action: 'customer.erased',
        customerId,
        detail: { messages: messageIds.length, identities: ids.length, customers: people.length },
      },
      now,
    );
    return { customerId, messages: messageIds.length, identities: ids.length };
  });
}
