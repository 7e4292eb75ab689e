import { and, asc, eq, gte, isNotNull, lt } from 'drizzle-orm';
import { episodeFacts, episodes, replyFacts } from '#server/db/schema';
import type { DurationPair } from '#shared/metrics/responseTimes';
import { classifySentimentChange } from '#shared/metrics/sentimentTrend';
import type { EpisodeMetricsDto, ThreadMetrics } from '#shared/schemas/metrics';
import type { Db } from '#server/db/connection';
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

/** Predicted vs actual first-response wait, for episodes that got an acknowledgement. */
export function predictionAccuracy(db: Db, from: number, to: number) {
  const rows = db
    .select()
    .from(episodes)
    .where(
      and(
        isNotNull(episodes.predictedWaitMs),
        isNotNull(episodes.firstResponseAt),
        gte(episodes.openedAt, from),
        lt(episodes.openedAt, to),
      ),
    )
    .all();
  const samples = rows.map((e) => ({
    episodeId: e.id,
    predictedMs: e.predictedWaitMs as number,
    actualMs: (e.firstResponseAt as number) - e.openedAt,
  }));
  const n = samples.length;
  return {
    count: n,
    meanAbsoluteErrorMs: n
      ? Math.round(samples.reduce((s, x) => s + Math.abs(x.predictedMs - x.actualMs), 0) / n)
      : null,
    withinFactor2: n
      ? samples.filter((x) => x.actualMs <= 2 * x.predictedMs && x.actualMs >= x.predictedMs / 2).length / n
      : null,
    samples: samples.slice(-200),
  };
}
