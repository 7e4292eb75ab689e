import type pg from 'pg';
import type { PgQueryable } from './eventLog';

// Timers on several nodes: every node runs its SLA scheduler, snooze sweep and survey sends, so a
// crossing, a wake-up or a survey is due on all of them at the same moment. Exactly once comes from
// making the effect's own row the claim, in the transaction that does the work and logs its events:
// an INSERT … ON CONFLICT DO NOTHING (SLA crossings are already unique per episode, clock and
// fraction), or an UPDATE whose WHERE still requires the old state (snoozed, survey not sent). Two
// nodes racing for the same claim: the second waits for the first transaction and then finds nothing
// to claim; a node dying before COMMIT loses its claim with its work, so another node does both.
// `tryRunExclusive` only saves work (one node runs a sweep at a time); correctness never depends on it.

/** The first int of timer advisory locks (a key space of its own). */
const TIMER_LOCK_SPACE = 0x42524151;

/**
 * Runs `fn` in a transaction only when no other node is running the sweep of this name right now (a
 * non-blocking transaction-scoped advisory lock); `ran: false` when another node holds it.
 */
export async function tryRunExclusive<T>(
  pool: pg.Pool,
  name: string,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    const got = await client.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1, hashtext($2)) as ok', [
      TIMER_LOCK_SPACE,
      name,
    ]);
    if (!got.rows[0]!.ok) {
      await client.query('rollback');
      return { ran: false };
    }
    const result = await fn(client);
    await client.query('commit');
    return { ran: true, result };
  } catch (err) {
    await client.query('rollback').catch(() => (broken = true));
    throw err;
  } finally {
    client.release(broken);
  }
}

/** One SLA threshold crossing (a row of sla_alerts). */
export interface SlaCrossing {
  threadId: number;
  episodeId: number;
  kind: 'first_response' | 'next_response' | 'resolution';
  clockStartedAt: number;
  fraction: number;
  dueAt: number;
}

/**
 * Records an SLA crossing as fired unless any node already has (or is committing it now); true means
 * this transaction fired it and must announce it — false means announce nothing.
 */
export async function claimSlaCrossing(q: PgQueryable, c: SlaCrossing, now: number): Promise<boolean> {
  const res = await q.query(
    `insert into sla_alerts (thread_id, episode_id, kind, clock_started_at, fraction, due_at, fired_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (episode_id, kind, clock_started_at, fraction) do nothing returning id`,
    [c.threadId, c.episodeId, c.kind, c.clockStartedAt, c.fraction, c.dueAt, now],
  );
  return res.rowCount === 1;
}

/**
 * Re-opens up to `limit` snoozed threads whose time has come and returns their ids; a thread another
 * node is waking is skipped, one it has woken is no longer snoozed, so each wakes up in one transaction.
 */
export async function wakeDueSnoozes(q: PgQueryable, now: number, limit: number): Promise<number[]> {
  const res = await q.query<{ id: string }>(
    `update threads set status = 'open', snoozed_until = null, updated_at = $1
      where status = 'snoozed' and id in (
        select id from threads where status = 'snoozed' and snoozed_until <= $1
         order by snoozed_until, id limit $2 for update skip locked)
      returning id`,
    [now, limit],
  );
  return res.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Marks an episode's survey as sent unless it already is; true means this transaction sends it (queues the question). */
export async function claimSurveySend(
  q: PgQueryable,
  episodeId: number,
  kind: 'csat' | 'nps',
  now: number,
): Promise<boolean> {
  const res = await q.query(
    'update episodes set survey_kind = $2, survey_sent_at = $3 where id = $1 and survey_sent_at is null',
    [episodeId, kind, now],
  );
  return res.rowCount === 1;
}
