import type { PgQueryable } from './eventLog';

// Outbox deliveries shared by several nodes. A node claims due rows with FOR UPDATE SKIP LOCKED (two
// nodes polling at once take different rows and never wait for each other) and stamps them with its
// name and a lease: status 'sending', claimed_by, lease_until — committed before the provider is
// called, as on SQLite. A node that dies mid-call leaves its rows 'sending' under a lease that runs
// out; any node then re-claims them as *in doubt* (to be reconciled with the provider before any
// re-send, docs/security.md), exactly what SQLite's start-up recovery does for the one node — but per
// row and without touching rows a live node is still sending. Every later write is fenced on
// (claimed_by, status 'sending'), so a node that stalled past its lease cannot overwrite the outcome
// recorded by the node that took over.

/** One delivery a node now holds. */
export interface ClaimedDelivery {
  id: number;
  /** The previous attempt may have reached the provider (a dead node's lease ran out, or a reconcile said "ask again"). */
  inDoubt: boolean;
  /** Start of the attempt the provider is asked about (kept from the interrupted attempt when in doubt). */
  attemptStartedAt: number;
  attempts: number;
}

/** Who claims, when, for how long, how many. */
export interface ClaimRequest {
  node: string;
  now: number;
  leaseMs: number;
  limit: number;
}

/**
 * Claims up to `limit` due deliveries for one node, oldest first, skipping rows another node holds;
 * each claimed row is held by this node alone until its lease ends (one statement, committed on return).
 */
export async function claimDeliveries(q: PgQueryable, r: ClaimRequest): Promise<ClaimedDelivery[]> {
  const res = await q.query<{ id: string; was: string; attempt_started_at: string; attempts: string | number }>(
    `with due as (
       select id, status as was from outbox
        where (status in ('pending', 'unknown') and next_attempt_at <= $2)
           or (status = 'sending' and coalesce(lease_until, 0) < $2)
        order by next_attempt_at, id
        limit $4
        for update skip locked
     )
     update outbox o
        set status = 'sending', claimed_by = $1, lease_until = $2::bigint + $3::bigint, updated_at = $2,
            attempt_started_at = case when due.was = 'pending' then $2 else coalesce(o.attempt_started_at, $2) end
       from due
      where o.id = due.id
     returning o.id, due.was, o.attempt_started_at, o.attempts`,
    [r.node, r.now, r.leaseMs, r.limit],
  );
  return res.rows
    .map((row) => ({
      id: Number(row.id),
      inDoubt: row.was !== 'pending',
      attemptStartedAt: Number(row.attempt_started_at),
      attempts: Number(row.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Extends this node's lease on the deliveries it still holds (call it every third of the lease while
 * provider calls run); returns the ids it no longer holds, which it must not settle.
 */
export async function renewLeases(
  q: PgQueryable,
  ids: readonly number[],
  node: string,
  now: number,
  leaseMs: number,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const res = await q.query<{ id: string }>(
    `update outbox set lease_until = $3::bigint + $4::bigint
      where id = any($1::bigint[]) and claimed_by = $2 and status = 'sending'
      returning id`,
    [ids, node, now, leaseMs],
  );
  const held = new Set(res.rows.map((r) => Number(r.id)));
  return ids.filter((id) => !held.has(id));
}

/** Marks a new attempt of a held delivery as started (after a reconcile said the old one did not go out). */
export async function restartAttempt(q: PgQueryable, id: number, node: string, now: number): Promise<boolean> {
  const res = await q.query(
    `update outbox set attempt_started_at = $3, updated_at = $3 where id = $1 and claimed_by = $2 and status = 'sending'`,
    [id, node, now],
  );
  return res.rowCount === 1;
}

/** How a held delivery ends: sent, retried later, given up, or still in doubt (ask the provider again later). */
export type DeliverySettlement =
  | { status: 'done'; attempts: number }
  | { status: 'pending'; attempts: number; nextAttemptAt: number; lastError: string }
  | { status: 'failed'; attempts: number; lastError: string }
  | { status: 'unknown'; nextAttemptAt: number };

/**
 * Records the outcome of a delivery only while this node still holds it (run it first in the
 * transaction that records the outcome on the message, and roll that back when it answers false).
 */
export async function settleDelivery(
  q: PgQueryable,
  id: number,
  node: string,
  s: DeliverySettlement,
  now: number,
): Promise<boolean> {
  const res = await q.query(
    `update outbox
        set status = $3,
            attempts = coalesce($4, attempts),
            next_attempt_at = coalesce($5, next_attempt_at),
            last_error = case $3 when 'done' then null when 'unknown' then last_error else $6 end,
            claimed_by = null, lease_until = null, updated_at = $7
      where id = $1 and claimed_by = $2 and status = 'sending'`,
    [
      id,
      node,
      s.status,
      'attempts' in s ? s.attempts : null,
      'nextAttemptAt' in s ? s.nextAttemptAt : null,
      'lastError' in s ? s.lastError : null,
      now,
    ],
  );
  return res.rowCount === 1;
}
