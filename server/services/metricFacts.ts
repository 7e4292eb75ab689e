import { and, eq, gte, max, min, sql } from 'drizzle-orm';
import { episodeFacts, episodes, messages, replyFacts, slaAlerts, surveyFacts } from '#server/db/schema';
import type { MessageRow } from '#server/db/mappers';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { elapsedMs } from '#shared/metrics/elapsed';
import { classifySentimentChange } from '#shared/metrics/sentimentTrend';
import { rollUpEpisode, rollUpReopen, rollUpReply, rollUpSurvey } from './rollups/write';
import { teamConfig } from './teamConfig';
import type { Tx } from './tx';

/**
 * Metric facts, written in the transaction of the event they describe (docs/metrics.md):
 * - a reply fact when a provider accepted or finally refused an agent's reply;
 * - an episode fact when an episode is resolved;
 * - a survey fact when a survey answer is read as a score.
 * Attribution: each reply (and its timing) belongs to its author; the episode's figures (resolution,
 * sentiment, SLA alerts, survey) belong to the agent who resolved it. Team figures use the team
 * holding the episode at the time (never the thread's current team).
 * Every fact also adds itself to its day's rollup row (services/rollups), in the same transaction.
 */

/** True for an agent's reply (automatic acknowledgements and survey questions are never responses). */
export function isAgentReply(m: Pick<MessageRow, 'direction' | 'isAuto' | 'authorAgentId'>): boolean {
  return m.direction === 'outbound' && !m.isAuto && m.authorAgentId !== null;
}

/** Customer messages that make someone wait: inbound, neither a survey answer nor a closing courtesy. */
const waitingInbound = and(
  eq(messages.direction, 'inbound'),
  sql`coalesce(json_extract(${messages.meta}, '$.surveyAnswer'), json_extract(${messages.meta}, '$.closingCourtesy'), 0) = 0`,
);

/**
 * Record the end of an agent reply's send. Accepted at `at`: it answers the oldest inbound message of
 * its episode not answered by an earlier accepted reply (none: untimed), and the first such reply is the
 * episode's first response. Refused: a failed reply, visible in the metrics, that stops no clock.
 */
export function recordReplyOutcome(tx: Tx, msg: MessageRow, accepted: boolean, at: number): void {
  if (!isAgentReply(msg) || msg.episodeId === null) return;
  const ep = tx.select().from(episodes).where(eq(episodes.id, msg.episodeId)).get();
  if (!ep) return;
  const base = {
    messageId: msg.id,
    episodeId: ep.id,
    agentId: msg.authorAgentId,
    teamId: ep.teamId,
    channel: msg.channel,
    at,
  };
  if (!accepted) {
    const { changes } = tx
      .insert(replyFacts)
      .values({ ...base, outcome: 'failed' })
      .onConflictDoNothing()
      .run();
    if (changes) rollUpReply(tx, msg.id);
    return;
  }
  const prior = tx
    .select({ last: max(replyFacts.at), firsts: sql<number>`sum(${replyFacts.isFirst})` })
    .from(replyFacts)
    .where(and(eq(replyFacts.episodeId, ep.id), eq(replyFacts.outcome, 'accepted')))
    .get();
  const since = prior?.last ?? Number.MIN_SAFE_INTEGER;
  const waitedFrom =
    tx
      .select({ t: min(messages.sortTs) })
      .from(messages)
      .where(and(eq(messages.episodeId, ep.id), waitingInbound, gte(messages.sortTs, since)))
      .get()?.t ?? null;
  const timed = waitedFrom !== null && waitedFrom <= at;
  const isFirst = timed && !(prior?.firsts ?? 0);
  const { schedule } = teamConfig(tx, ep.teamId);
  const { changes } = tx
    .insert(replyFacts)
    .values({
      ...base,
      outcome: 'accepted',
      waitedFrom: timed ? waitedFrom : null,
      calendarMs: timed ? at - waitedFrom : null,
      businessMs: timed ? elapsedMs(waitedFrom, at, schedule) : null,
      isFirst,
    })
    .onConflictDoNothing()
    .run();
  if (changes) rollUpReply(tx, msg.id);
  if (isFirst && ep.firstResponseAt === null)
    tx.update(episodes).set({ firstResponseAt: at }).where(eq(episodes.id, ep.id)).run();
}

/** Record a resolved episode: resolution from its start (the effective time of its first message). */
export function recordEpisodeFact(tx: Tx, episodeId: number, resolverId: number | null, resolvedAt: number): void {
  const ep = tx.select().from(episodes).where(eq(episodes.id, episodeId)).get();
  if (!ep) return;
  const alerts = tx
    .select({
      breaches: sql<number>`coalesce(sum(${slaAlerts.fraction} >= 1), 0)`,
      warnings: sql<number>`coalesce(sum(${slaAlerts.fraction} < 1), 0)`,
    })
    .from(slaAlerts)
    .where(eq(slaAlerts.episodeId, episodeId))
    .get();
  const opener = tx
    .select({ channel: messages.channel })
    .from(messages)
    .where(and(eq(messages.episodeId, episodeId), eq(messages.direction, 'inbound')))
    .orderBy(messages.sortTs, messages.id)
    .get();
  if (insertEpisodeFact(tx, ep, resolverId, resolvedAt, opener?.channel ?? null, alerts)) rollUpEpisode(tx, ep.id);
}

/** A thread's episode `number` just opened: a re-open of the previous one counts in its rollup. */
export function recordEpisodeOpened(tx: Tx, threadId: number, number: number): void {
  if (number > 1) rollUpReopen(tx, threadId, number);
}

/**
 * Writes the fact of one resolved episode (at write time); a second write for the same episode is
 * ignored (false). The caller rolls it up; the back-fill writes episodeFactRow itself and rebuilds.
 */
export function insertEpisodeFact(
  tx: Tx,
  ep: typeof episodes.$inferSelect,
  agentId: number | null,
  resolvedAt: number,
  channel: (typeof episodeFacts.$inferInsert)['channel'],
  alerts: { breaches: number; warnings: number } | undefined,
): boolean {
  const row = episodeFactRow(ep, agentId, resolvedAt, channel, alerts, teamConfig(tx, ep.teamId).schedule);
  return tx.insert(episodeFacts).values(row).onConflictDoNothing().run().changes > 0;
}

/** The fact of one resolved episode: resolution times from its start (in its team's `schedule`), sentiment arc and SLA alerts. */
export function episodeFactRow(
  ep: typeof episodes.$inferSelect,
  agentId: number | null,
  resolvedAt: number,
  channel: (typeof episodeFacts.$inferInsert)['channel'],
  alerts: { breaches: number; warnings: number } | undefined,
  schedule: BusinessSchedule | null,
): typeof episodeFacts.$inferInsert {
  return {
    episodeId: ep.id,
    agentId,
    teamId: ep.teamId,
    channel,
    openedAt: ep.openedAt,
    resolvedAt,
    calendarMs: Math.max(0, resolvedAt - ep.openedAt),
    businessMs: elapsedMs(ep.openedAt, resolvedAt, schedule),
    sentimentStart: ep.sentimentStart,
    sentimentEnd: ep.sentimentEnd,
    sentimentChange: classifySentimentChange(ep.sentimentStart, ep.sentimentEnd),
    slaBreaches: alerts?.breaches ?? 0,
    slaWarnings: alerts?.warnings ?? 0,
  };
}

/** Record a survey answer read as a score; it belongs to whoever resolved the episode. */
export function recordSurveyFact(
  tx: Tx,
  ep: { id: number; teamId: number | null; resolvedBy: number | null },
  kind: 'csat' | 'nps',
  score: number,
  answeredAt: number,
): void {
  const { changes } = tx
    .insert(surveyFacts)
    .values({ episodeId: ep.id, agentId: ep.resolvedBy, teamId: ep.teamId, kind, score, answeredAt })
    .onConflictDoNothing()
    .run();
  if (changes) rollUpSurvey(tx, ep.id);
}

/** Survey facts for every scored survey that has none yet (the back-fill of older answers; it rebuilds the rollups after). */
export function recordSurveyFacts(tx: Tx): void {
  tx.run(sql`insert or ignore into ${surveyFacts} (episode_id, agent_id, team_id, kind, score, answered_at)
    select id, resolved_by, team_id, survey_kind, survey_score, coalesce(survey_answered_at, resolved_at)
    from ${episodes} where survey_score is not null and survey_kind is not null`);
}
