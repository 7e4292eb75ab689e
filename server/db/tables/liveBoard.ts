// The floor board's maintained counters (kept by triggers from migration 0010 on, in the writing
// transaction, whichever code changes a thread or an episode): the board reads these small tables
// and a few index seeks, never a scan of threads.
import { index, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKey, count, int, threadStatus, teamKey, tally } from './columns';

/**
 * Live threads per team (0 = no team), last inbound channel ('' = none), status, unassigned and
 * waiting (open with an unanswered inbound message).
 */
export const boardTallies = sqliteTable(
  'board_tallies',
  {
    teamKey: teamKey(),
    channel: channelKey(),
    status: threadStatus(),
    unassigned: int('unassigned'),
    waiting: int('waiting'),
    n: tally(),
  },
  (t) => [primaryKey({ columns: [t.teamKey, t.channel, t.status, t.unassigned, t.waiting] })],
);

/** Live threads per assignee, status, waiting and negative (latest inbound sentiment). */
export const agentTallies = sqliteTable(
  'agent_tallies',
  {
    agentId: int('agent_id'),
    status: threadStatus(),
    waiting: int('waiting'),
    negative: int('negative'),
    n: tally(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.status, t.waiting, t.negative] })],
);

/** Episodes opened (arrivals) and resolved per team and minute (epoch minute). */
export const boardMinutes = sqliteTable(
  'board_minutes',
  {
    teamKey: teamKey(),
    minute: int('minute'),
    arrivals: count('arrivals'),
    resolutions: count('resolutions'),
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
    threadId: int('thread_id'),
    kind: text('kind').notNull(),
    teamKey: teamKey(),
    channel: channelKey(),
    clockStartedAt: int('clock_started_at'),
    fraction: real('fraction').notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.kind] }), index('board_sla_team_idx').on(t.teamKey, t.threadId)],
);

/**
 * How many customers wait now, per team (0 = no team), channel ('*' = the whole team, '' = no
 * channel) and stretch of "waiting since": level 0 counts an epoch minute (waiting_since / 60,000),
 * level 1 an epoch hour. Kept by the triggers of migration 0021; rows reaching 0 are deleted. A
 * median is found by walking a few hour rows, then the minutes of one hour, then the waits of one
 * minute on the board's waiting index, so neither a team's nor several teams' median reads every
 * waiting thread.
 */
export const boardWaits = sqliteTable(
  'board_waits',
  {
    teamKey: teamKey(),
    channel: channelKey(),
    level: int('level'),
    bucket: int('bucket'),
    n: tally(),
  },
  (t) => [primaryKey({ columns: [t.teamKey, t.channel, t.level, t.bucket] })],
);

/**
 * A version per team (0 = no team) and channel ('*' = the whole team, '' = no channel) of the
 * customers waiting on it: bumped by triggers (migration 0022) whenever one of that key's
 * `board_waits` minute rows changes, in the same transaction, so whenever a customer starts or stops
 * waiting there, or their "waiting since" moves. Never reset or deleted: the board keeps each key's
 * oldest and median wait in memory and reads them again only when the version moved.
 */
export const boardWaitVersions = sqliteTable(
  'board_wait_versions',
  {
    teamKey: teamKey(),
    channel: text('channel').notNull(),
    v: int('v'),
  },
  (t) => [primaryKey({ columns: [t.teamKey, t.channel] })],
);
