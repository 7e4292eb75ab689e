import { asc, eq } from 'drizzle-orm';
import { episodeFacts, episodes, replyFacts } from '#server/db/schema';
import type { DurationPair } from '#shared/metrics/responseTimes';
import { classifySentimentChange } from '#shared/metrics/sentimentTrend';
import type { EpisodeMetricsDto, ThreadMetrics } from '#shared/schemas/metrics';
import { sentimentSeries } from './sentimentAlerts';
import { getThreadRow, type Reader } from './threadQueries';

const pairOf = (f: { calendarMs: number | null; businessMs: number | null }): DurationPair => ({
  calendarMs: f.calendarMs ?? 0,
  businessMs: f.businessMs ?? 0,
});

/** Mean of some durations, rounded to whole milliseconds; null without any. */
export function meanPair(xs: DurationPair[]): DurationPair | null {
  if (xs.length === 0) return null;
  const sum = (pick: (x: DurationPair) => number) => xs.reduce((acc, x) => acc + pick(x), 0);
  return {
    calendarMs: Math.round(sum((x) => x.calendarMs) / xs.length),
    businessMs: Math.round(sum((x) => x.businessMs) / xs.length),
  };
}

/**
 * Response times, resolution, sentiment arc and survey of every episode of a thread, read from the
 * same metric facts the agent and team reports add up (services/metricFacts.ts).
 */
export function computeThreadMetrics(r: Reader, threadId: number): ThreadMetrics {
  getThreadRow(r, threadId);
  const eps = r.select().from(episodes).where(eq(episodes.threadId, threadId)).orderBy(asc(episodes.number)).all();
  const replies = r
    .select({ f: replyFacts })
    .from(replyFacts)
    .innerJoin(episodes, eq(episodes.id, replyFacts.episodeId))
    .where(eq(episodes.threadId, threadId))
    .orderBy(asc(replyFacts.at), asc(replyFacts.messageId))
    .all()
    .map((x) => x.f);
  const ends = new Map(
    r
      .select({ f: episodeFacts })
      .from(episodeFacts)
      .innerJoin(episodes, eq(episodes.id, episodeFacts.episodeId))
      .where(eq(episodes.threadId, threadId))
      .all()
      .map((x) => [x.f.episodeId, x.f]),
  );
  const series = sentimentSeries(r, threadId);
  return {
    threadId,
    episodes: eps.map((e): EpisodeMetricsDto => {
      const mine = replies.filter((f) => f.episodeId === e.id);
      const timed = mine.filter((f) => f.outcome === 'accepted' && f.waitedFrom !== null);
      const first = timed.find((f) => f.isFirst);
      const end = ends.get(e.id);
      return {
        episodeId: e.id,
        number: e.number,
        teamId: e.teamId,
        openedAt: e.openedAt,
        resolvedAt: e.resolvedAt,
        firstResponse: first ? pairOf(first) : null,
        nextResponses: timed.filter((f) => !f.isFirst).map(pairOf),
        averageReply: meanPair(timed.map(pairOf)),
        resolution: end ? { calendarMs: end.calendarMs, businessMs: end.businessMs } : null,
        failedReplies: mine.filter((f) => f.outcome === 'failed').length,
        replies: timed.map((f) => ({
          messageId: f.messageId,
          agentId: f.agentId,
          waitedFrom: f.waitedFrom as number,
          repliedAt: f.at,
          ...pairOf(f),
          isFirst: f.isFirst,
        })),
        sentimentStart: e.sentimentStart,
        sentimentEnd: e.sentimentEnd,
        sentimentChange: classifySentimentChange(e.sentimentStart, e.sentimentEnd),
        predictedWaitMs: e.predictedWaitMs,
        survey: e.surveyKind ? { kind: e.surveyKind, score: e.surveyScore } : null,
      };
    }),
    sentiment: { points: series, current: series.at(-1)?.rolling ?? null },
  };
}
