// The floor board's maintained counters (kept by triggers in migration 0012, in the writing
// transaction, whichever code changes a thread or an episode): the board reads these small tables
// and a few index seeks, never a scan of threads.
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Live threads per team (0 = no team), last inbound channel ('' = none), status, unassigned and
 * waiting (open with an unanswered inbound message).
 */
export const boardTallies = sqliteTable(
  'board_tallies',
  {
    teamKey: integer('team_key').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    unassigned: integer('unassigned').notNull(),
    waiting: integer('waiting').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamKey, t.channel, t.status, t.unassigned, t.waiting] })],
);

/** Live threads per assignee, status, waiting and negative (latest inbound sentiment). */
export const agentTallies = sqliteTable(
  'agent_tallies',
  {
    agentId: integer('agent_id').notNull(),
    status: text('status').notNull(),
    waiting: integer('waiting').notNull(),
    negative: integer('negative').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.status, t.waiting, t.negative] })],
);

/** Episodes opened (arrivals) and resolved per team and minute (epoch minute). */
export const boardMinutes = sqliteTable(
  'board_minutes',
  {
    teamKey: integer('team_key').notNull(),
    minute: integer('minute').notNull(),
    arrivals: integer('arrivals').notNull().default(0),
    resolutions: integer('resolutions').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.teamKey, t.minute] })],
);

/**
 * SLA clocks of live threads that have crossed 75 % of their target and still run (one row per
 * thread and kind, the latest crossing): inserted by a trigger on sla_alerts, removed by a trigger
 * on threads when the clock stops (the customer is answered, the thread is resolved, paused,
 * merged or a new episode starts), moved with the thread's team and channel. The board counts a
 * team's at-risk and breached threads from the (team_key, thread_id) index, never from threads.
 */
export const boardSla = sqliteTable(
  'board_sla',
  {
    threadId: integer('thread_id').notNull(),
    kind: text('kind').notNull(),
    teamKey: integer('team_key').notNull(),
    channel: text('channel').notNull(),
    clockStartedAt: integer('clock_started_at').notNull(),
    fraction: real('fraction').notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.kind] }), index('board_sla_team_idx').on(t.teamKey, t.threadId)],
);
