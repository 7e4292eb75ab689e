import type pg from 'pg';

// The event log on PostgreSQL. A BIGSERIAL value is taken when the row is inserted, not when its
// transaction commits, so transaction A can hold seq 9 uncommitted while B commits seq 10: a client
// that read 10 and asks for `after=10` never sees 9. Here every transaction that logs events takes
// one transaction-scoped advisory lock immediately before it inserts them, as its last statement
// before COMMIT, and keeps it until the commit is visible (PostgreSQL releases heavyweight locks only
// after a committed transaction has left the running set). So the next writer draws its sequence
// values only after the previous writer's are visible: seq order is commit order, and a reader that
// has seen seq n can never later find a smaller seq committed. Rolled-back writers leave holes in the
// numbers (the sequence is not transactional) that no reader ever sees filled. The cost is that
// event-writing commits are serialised for the length of the insert and the COMMIT (docs/scale-out.md).

/** Any node-postgres connection that runs queries (a pool client inside a transaction, a client). */
export type PgQueryable = Pick<pg.ClientBase, 'query'>;

/** The advisory lock (two-int key space, so it cannot collide with one-bigint locks such as the migrator's). */
export const EVENT_LOG_LOCK: readonly [number, number] = [0x42524149, 1];

/** One event as a service emits it, before it has a sequence number. */
export interface PgNewEvent {
  type: string;
  threadId: number | null;
  rooms: string[];
  payload: unknown;
  createdAt: number;
}

/** One row of the log as read back. */
export interface PgLoggedEvent {
  seq: number;
  type: string;
  threadId: number | null;
  payload: unknown;
}

/** Rows per INSERT, far below PostgreSQL's 65,535 bind parameters (5 per event). */
const INSERT_CHUNK = 1_000;

/**
 * Appends events so that seq order is commit order; call it inside an open transaction as the last
 * statement before COMMIT (the lock it takes is held until then). Returns the seqs in input order.
 */
export async function appendEvents(client: PgQueryable, events: readonly PgNewEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  await client.query('select pg_advisory_xact_lock($1, $2)', [...EVENT_LOG_LOCK]);
  const seqs: number[] = [];
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    const chunk = events.slice(i, i + INSERT_CHUNK);
    const values: unknown[] = [];
    const tuples = chunk.map((e, k) => {
      values.push(e.type, e.threadId, JSON.stringify(e.rooms), JSON.stringify(e.payload), e.createdAt);
      const b = k * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
    });
    // One statement draws the chunk's values in tuple order; sorting the answer makes the mapping
    // independent of the order RETURNING lists rows in.
    const res = await client.query<{ seq: string }>(
      `insert into events (type, thread_id, rooms, payload, created_at) values ${tuples.join(', ')} returning seq`,
      values,
    );
    seqs.push(...res.rows.map((r) => Number(r.seq)).sort((a, b) => a - b));
  }
  return seqs;
}

/** Events after `after`, oldest first, at most `limit`, read in one statement (so from one snapshot). */
export async function readEventsAfter(client: PgQueryable, after: number, limit: number): Promise<PgLoggedEvent[]> {
  const res = await client.query<{ seq: string; type: string; thread_id: string | null; payload: unknown }>(
    'select seq, type, thread_id, payload from events where seq > $1 order by seq limit $2',
    [after, limit],
  );
  return res.rows.map((r) => ({
    seq: Number(r.seq),
    type: r.type,
    threadId: r.thread_id === null ? null : Number(r.thread_id),
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as unknown) : r.payload,
  }));
}

/** What a transaction returned and the events it logged, each with its seq, for publishing after commit. */
export interface PgTransactResult<T> {
  result: T;
  events: Array<PgNewEvent & { seq: number }>;
}

/**
 * Runs `fn` in one transaction on a pool connection, appends the events it emitted as the last
 * statement before COMMIT (seq order = commit order), and rolls everything back if anything throws.
 */
export async function transactWithEvents<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient, emit: (event: PgNewEvent) => void) => Promise<T>,
): Promise<PgTransactResult<T>> {
  const client = await pool.connect();
  const held: PgNewEvent[] = [];
  let broken = false;
  try {
    await client.query('begin');
    const result = await fn(client, (e) => held.push(e));
    const seqs = await appendEvents(client, held);
    await client.query('commit');
    return { result, events: held.map((e, i) => ({ ...e, seq: seqs[i]! })) };
  } catch (err) {
    // A connection that cannot even roll back is dropped from the pool, not handed to the next caller.
    await client.query('rollback').catch(() => (broken = true));
    throw err;
  } finally {
    client.release(broken);
  }
}
