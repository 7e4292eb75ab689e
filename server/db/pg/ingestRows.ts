import type { PgQueryable } from './eventLog';

// Ingest's two races on PostgreSQL, where two nodes can receive the same webhook (or two messages of
// one new sender) at the same moment and, under READ COMMITTED, both see "no such message" and "no such
// identity". SQLite never had them: one writer at a time. Here the UNIQUE indexes decide, through
// INSERT … ON CONFLICT DO NOTHING RETURNING: PostgreSQL makes the second inserter wait for the first
// one's transaction and then reports the conflict (no row returned) instead of failing the transaction.

/** The first int of per-delivery advisory locks: a key space of its own, apart from the event log's lock. */
const DELIVERY_LOCK_SPACE = 0x42524150;

/**
 * Makes concurrent deliveries of one provider message run one after the other (a transaction-scoped
 * advisory lock), so the second finds the first's committed message before doing any work; optional —
 * `insertInboundMessage` alone keeps the message unique — but it spares the second delivery a rollback.
 */
export async function lockInboundDelivery(q: PgQueryable, channel: string, providerMessageId: string): Promise<void> {
  // Two ids sharing a hash only wait for each other; they are never mistaken for one another.
  await q.query('select pg_advisory_xact_lock($1, hashtext($2))', [
    DELIVERY_LOCK_SPACE,
    `${channel} ${providerMessageId}`,
  ]);
}

/** The message already stored for a provider message id, or null. */
export async function findInboundDuplicate(
  q: PgQueryable,
  channel: string,
  providerMessageId: string,
): Promise<{ messageId: number; threadId: number } | null> {
  const res = await q.query<{ id: string; thread_id: string }>(
    'select id, thread_id from messages where channel = $1 and provider_message_id = $2',
    [channel, providerMessageId],
  );
  const row = res.rows[0];
  return row ? { messageId: Number(row.id), threadId: Number(row.thread_id) } : null;
}

/** A sender's identity as resolved, and whether this transaction created it (with a new customer). */
export interface ResolvedSender {
  identityId: number;
  customerId: number;
  created: boolean;
}

/** A new sender's first facts. */
export interface NewSender {
  channel: string;
  address: string;
  customerName: string;
  now: number;
}

/**
 * Finds the identity (channel, address) or creates it with a new customer; when another transaction
 * creates the same identity at the same moment, this one's customer is rolled back to a savepoint and
 * the winner's identity (and customer) is returned — never two customers, never a failed transaction.
 * Must run inside an open transaction.
 */
export async function resolveSender(q: PgQueryable, s: NewSender): Promise<ResolvedSender> {
  const existing = await findIdentity(q, s.channel, s.address);
  if (existing) return { ...existing, created: false };
  await q.query('savepoint braid_new_sender');
  const customer = await q.query<{ id: string }>(
    'insert into customers (name, created_at, updated_at) values ($1, $2, $2) returning id',
    [s.customerName, s.now],
  );
  const customerId = Number(customer.rows[0]!.id);
  const identity = await q.query<{ id: string }>(
    `insert into identities (customer_id, channel, address, created_at) values ($1, $2, $3, $4)
     on conflict (channel, address) do nothing returning id`,
    [customerId, s.channel, s.address, s.now],
  );
  if (identity.rows[0]) {
    await q.query('release savepoint braid_new_sender');
    return { identityId: Number(identity.rows[0].id), customerId, created: true };
  }
  // Lost the race: the conflict was reported only after the winner committed, so it is visible now.
  await q.query('rollback to savepoint braid_new_sender');
  const winner = await findIdentity(q, s.channel, s.address);
  if (!winner) throw new Error(`identity ${s.channel}:${s.address} conflicted but cannot be read`);
  return { ...winner, created: false };
}

async function findIdentity(q: PgQueryable, channel: string, address: string) {
  const res = await q.query<{ id: string; customer_id: string }>(
    'select id, customer_id from identities where channel = $1 and address = $2',
    [channel, address],
  );
  const row = res.rows[0];
  return row ? { identityId: Number(row.id), customerId: Number(row.customer_id) } : null;
}

/** Column names (snake_case, as in the tables) and values of one inbound message row. */
export type InboundMessageRow = Record<string, unknown> & { channel: string; provider_message_id: string };

/**
 * Inserts an inbound message unless its (channel, provider message id) is already stored — also by a
 * transaction committing at this very moment; returns the new id, or null for a duplicate (the caller
 * rolls its transaction back and answers the provider 2xx, as for any duplicate).
 */
export async function insertInboundMessage(q: PgQueryable, row: InboundMessageRow): Promise<number | null> {
  const cols = Object.keys(row);
  for (const c of cols) if (!/^[a-z_]+$/.test(c)) throw new Error(`not a column name: ${c}`);
  const res = await q.query<{ id: string }>(
    `insert into messages (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})
     on conflict (channel, provider_message_id) do nothing returning id`,
    cols.map((c) => row[c]),
  );
  return res.rows[0] ? Number(res.rows[0].id) : null;
}
