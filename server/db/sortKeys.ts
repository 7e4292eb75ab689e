import { NOT_WAITING_KEY, PRIORITY_BAND, PRIORITY_RANK } from '#shared/threadOrder';

// The inbox sort keys as SQL over the threads table's own columns, with constants written in
// (not bound): the expression indexes in the schema and the list query must be the same
// expression for SQLite to read a page in index order. They mirror shared/threadOrder.ts.

/** Waiting order: the oldest unanswered message first, threads nobody waits on last. */
export const INBOX_WAITING_KEY = `coalesce("waiting_since", ${NOT_WAITING_KEY})`;

/** Priority order: urgent before high before normal before low, then waiting order. */
export const INBOX_PRIORITY_KEY = `(case "priority" when 'urgent' then ${PRIORITY_RANK.urgent} when 'high' then ${PRIORITY_RANK.high} when 'normal' then ${PRIORITY_RANK.normal} else ${PRIORITY_RANK.low} end) * ${PRIORITY_BAND} + ${INBOX_WAITING_KEY}`;

/** A thread on the floor board's waiting tiles: open, live, with an unanswered inbound message. */
export const BOARD_WAITING = `"status" = 'open' and "waiting_since" is not null and "merged_into_thread_id" is null`;

/** A live thread (not merged away): the one-agent and unassigned views' partial indexes (the list query states it). */
export const LIVE = `"merged_into_thread_id" is null`;
