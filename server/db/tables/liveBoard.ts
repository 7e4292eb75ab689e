// The floor board's maintained counters (kept by triggers in migration 0012, in the writing
// transaction, whichever code changes a thread or an episode): the board reads these small tables
// and a few index seeks, never a scan of threads.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
