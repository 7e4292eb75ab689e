// Per-day rollups of the metric facts (docs/metrics.md, "Rollups"): counts and sums per UTC day, team,
// agent and channel, updated in the transaction that writes the fact, so a report over a range adds
// up a few rows per day instead of every fact. Keys never hold NULL (0 = no team or agent, '' = no
// channel) so that each fact finds exactly one row to add itself to.
import { primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { BUCKETS } from '#shared/metrics/durationBuckets';
import { count, int, channelKey, handledCounts, episodeCounts } from './columns';

const key = {
  /** UTC day: floor(epoch ms / 86,400,000). */
  day: int('day'),
  teamId: int('team_id'),
  agentId: int('agent_id'),
  channel: channelKey(),
};

/** Reply facts of one day, team, agent and channel. */
export const replyRollups = sqliteTable(
  'reply_rollups',
  {
    ...key,
    accepted: count('accepted'),
    failed: count('failed'),
    firstCount: count('first_count'),
    firstCal: count('first_cal'),
    firstBus: count('first_bus'),
    nextCount: count('next_count'),
    nextCal: count('next_cal'),
    nextBus: count('next_bus'),
    /** Episodes whose first reply fact (either outcome) by this agent / under this team / at all is here. */
    ...episodeCounts(),
    /** Episodes first handled here (accepted reply or resolution, whichever came first) per agent / team / at all. */
    ...handledCounts(),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.agentId, t.channel] })],
);

/** Episode facts (resolutions) of one day, team, agent and channel. */
export const episodeRollups = sqliteTable(
  'episode_rollups',
  {
    ...key,
    resolved: count('resolved'),
    cal: count('cal'),
    bus: count('bus'),
    scored: count('scored'),
    sentimentSum: real('sentiment_sum').notNull().default(0),
    turned: count('turned'),
    soured: count('soured'),
    breached: count('breached'),
    warned: count('warned'),
    liftCount: count('lift_count'),
    liftSum: real('lift_sum').notNull().default(0),
    improved: count('improved'),
    worsened: count('worsened'),
    /** Resolutions followed by the thread's next episode within the re-open window. */
    reopened: count('reopened'),
    ...handledCounts(),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.agentId, t.channel] })],
);

/** Survey facts of one day, team, agent, channel (of the episode) and kind. */
export const surveyRollups = sqliteTable(
  'survey_rollups',
  {
    ...key,
    kind: text('kind', { enum: ['csat', 'nps'] }).notNull(),
    answers: count('answers'),
    scoreSum: count('score_sum'),
    satisfied: count('satisfied'),
    promoters: count('promoters'),
    detractors: count('detractors'),
  },
  (t) => [primaryKey({ columns: [t.day, t.teamId, t.agentId, t.channel, t.kind] })],
);

/**
 * Histograms of the durations (first and next responses, resolutions; each clock) per UTC day, team
 * and agent: h0…h38 count the values in each bucket of shared/metrics/durationBuckets.ts. No channel in
 * the key (a quarter of the rows to add up); a report filtered by channel reads the raw facts instead.
 */
export const durationRollups = sqliteTable(
  'duration_rollups',
  {
    day: key.day,
    teamId: key.teamId,
    agentId: key.agentId,
    kind: text('kind', { enum: ['first', 'next', 'resolution'] }).notNull(),
    clock: text('clock', { enum: ['calendar', 'business'] }).notNull(),
    ...Object.fromEntries(Array.from({ length: BUCKETS }, (_, i) => [`h${i}`, count(`h${i}`)])),
  },
  (t) => [primaryKey({ columns: [t.kind, t.clock, t.day, t.teamId, t.agentId] })],
);
