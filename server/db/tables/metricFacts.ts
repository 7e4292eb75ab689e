// Metric facts, written at the moment something happens, in the same transaction, so reports and
// the per-thread view read the same rows and never recompute timelines (docs/metrics.md).
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { episodes, messages } from './messages';
import { agents, teams } from './people';
import { count, ref, refKey, channel, int, handledCounts, episodeCounts, sentimentArc } from './columns';

/** Whose figure a fact is: the agent it is attributed to and the team holding the episode then. */
const owners = () => ({
  agentId: integer('agent_id').references(() => agents.id),
  teamId: integer('team_id').references(() => teams.id),
});

/**
 * One agent reply whose send ended: accepted by the provider (a response, timed when it waited on
 * a customer) or refused for good (a failed reply, never a response). Belongs to its author.
 */
export const replyFacts = sqliteTable(
  'reply_facts',
  {
    messageId: refKey('message_id', () => messages.id),
    episodeId: ref('episode_id', () => episodes.id),
    /** The author, and the team holding the episode when the reply was sent. */
    ...owners(),
    channel: channel('channel'),
    outcome: text('outcome', { enum: ['accepted', 'failed'] }).notNull(),
    /** When the provider accepted (or finally refused) it: the moment the clock stopped. */
    at: int('at'),
    /** Effective time of the oldest inbound message it answered; null when nobody waited. */
    waitedFrom: integer('waited_from'),
    calendarMs: integer('calendar_ms'),
    businessMs: integer('business_ms'),
    /** The first timed reply of its episode: its first response. */
    isFirst: integer('is_first', { mode: 'boolean' }).notNull().default(false),
    // "Counted once, where first handled" (services/rollups/definitions.ts), decided when the fact is
    // written and kept here so a report's partial edge days are plain sums: the author's (team's;
    // anyone's) first reply fact in the episode, and its first handling (an accepted reply before any
    // resolution).
    ...episodeCounts(),
    ...handledCounts(),
  },
  (t) => [
    index('reply_facts_episode_idx').on(t.episodeId),
    index('reply_facts_agent_idx').on(t.agentId, t.at),
    index('reply_facts_team_idx').on(t.teamId, t.at),
    index('reply_facts_at_idx').on(t.at),
    // Exact medians (services/rollups/orderStats.ts): timed replies in value order per agent, team or all.
    ...(['calendar', 'business'] as const).flatMap((clock) => {
      const v = clock === 'calendar' ? t.calendarMs : t.businessMs;
      const timed = sql`${t.waitedFrom} is not null`;
      return [
        index(`reply_facts_agent_${clock}_idx`).on(t.agentId, t.isFirst, v, t.at).where(timed),
        index(`reply_facts_team_${clock}_idx`).on(t.teamId, t.isFirst, v, t.at).where(timed),
        index(`reply_facts_${clock}_idx`).on(t.isFirst, v, t.at).where(timed),
      ];
    }),
  ],
);

/** One resolved episode: resolution time, sentiment arc and SLA alerts, attributed to the resolver. */
export const episodeFacts = sqliteTable(
  'episode_facts',
  {
    episodeId: refKey('episode_id', () => episodes.id),
    /** The agent who resolved it (owner of the episode figures), and the team holding the episode then. */
    ...owners(),
    channel: channel('channel'),
    openedAt: int('opened_at'),
    resolvedAt: int('resolved_at'),
    calendarMs: int('calendar_ms'),
    businessMs: int('business_ms'),
    ...sentimentArc(),
    sentimentChange: text('sentiment_change', { enum: ['turned_around', 'soured', 'steady'] }),
    slaBreaches: count('sla_breaches'),
    slaWarnings: count('sla_warnings'),
    /** The resolver's (team's; anyone's) first handling of the episode: resolved with no accepted reply before. */
    ...handledCounts(),
    /** The thread's next episode opened within 7 days of the resolution (set when it opens). */
    reopened: count('reopened'),
  },
  (t) => [
    index('episode_facts_agent_idx').on(t.agentId, t.resolvedAt),
    index('episode_facts_team_idx').on(t.teamId, t.resolvedAt),
    index('episode_facts_resolved_idx').on(t.resolvedAt),
    ...(['calendar', 'business'] as const).flatMap((clock) => {
      const v = clock === 'calendar' ? t.calendarMs : t.businessMs;
      return [
        index(`episode_facts_agent_${clock}_idx`).on(t.agentId, v, t.resolvedAt),
        index(`episode_facts_team_${clock}_idx`).on(t.teamId, v, t.resolvedAt),
        index(`episode_facts_${clock}_idx`).on(v, t.resolvedAt),
      ];
    }),
  ],
);

/** One survey answer read as a score, attributed to the agent who resolved the episode. */
export const surveyFacts = sqliteTable(
  'survey_facts',
  {
    episodeId: refKey('episode_id', () => episodes.id),
    ...owners(),
    kind: text('kind', { enum: ['csat', 'nps'] }).notNull(),
    score: int('score'),
    answeredAt: int('answered_at'),
  },
  (t) => [
    index('survey_facts_agent_idx').on(t.agentId, t.answeredAt),
    index('survey_facts_team_idx').on(t.teamId, t.answeredAt),
    index('survey_facts_answered_idx').on(t.answeredAt),
  ],
);

/**
 * One promised wait: what the acknowledgement told the customer, on Braid's clock. The promise
 * was kept when the episode's first response (also Braid's clock) came by `madeAt + promisedMs`;
 * the calibration report and the next predictions read these rows (docs/metrics.md).
 */
export const waitPromises = sqliteTable(
  'wait_promises',
  {
    episodeId: refKey('episode_id', () => episodes.id),
    /** The team holding the episode when the promise was made. */
    teamId: integer('team_id').references(() => teams.id),
    channel: channel('channel'),
    /** When Braid made the promise (the acknowledgement was written). */
    madeAt: int('made_at'),
    /** The promised wait, calendar ms from `madeAt` (hours left today and the next opening included). */
    promisedMs: int('promised_ms'),
    /** Customers of the team already waiting when it was made. */
    queuePosition: int('queue_position'),
  },
  (t) => [index('wait_promises_team_idx').on(t.teamId, t.madeAt), index('wait_promises_made_idx').on(t.madeAt)],
);
