import { and, asc, eq, gte, inArray, isNotNull, lt, or } from 'drizzle-orm';
import { episodes, messages, slaAlerts, threads } from '#server/db/schema';
import { computeEpisodeMetrics, type DurationPair, type TimelineMessage } from '#shared/metrics/responseTimes';
import { classifySentimentChange } from '#shared/metrics/sentimentTrend';
import type { AggregateMetrics, EpisodeMetricsDto, ThreadMetrics } from '#shared/schemas/metrics';
import { median } from '#server/domain/waitPrediction';
import type { Db } from '#server/db/connection';
import { sentimentSeries } from './sentimentAlerts';
import { teamConfig } from './teamConfig';
import { getThreadRow, type Reader } from './threadQueries';
import { scoredInbound } from '#server/db/conditions';

/** Response times, sentiment arc and survey of every episode of a thread, from persisted timestamps. */
export function computeThreadMetrics(r: Reader, threadId: number): ThreadMetrics {
  const row = getThreadRow(r, threadId);
  const { schedule } = teamConfig(r, row.teamId);
  const msgs = r
    .select({
      id: messages.id,
      direction: messages.direction,
      at: messages.sortTs,
      isAuto: messages.isAuto,
      meta: messages.meta,
      episodeId: messages.episodeId,
      author: messages.authorAgentId,
    })
    .from(messages)
    .where(eq(messages.threadId, threadId))
    .orderBy(asc(messages.sortTs), asc(messages.id))
    .all();
  const eps = r.select().from(episodes).where(eq(episodes.threadId, threadId)).orderBy(asc(episodes.number)).all();
  const timeline: TimelineMessage[] = msgs
    .filter((m) => m.episodeId !== null)
    .map((m) => ({
      id: m.id,
      direction: m.direction,
      at: m.at,
      isAuto: m.isAuto,
      isSurveyAnswer: m.meta.surveyAnswer === true,
      episodeId: m.episodeId as number,
    }));
  const authors = new Map(msgs.map((m) => [m.id, m.author]));
  const computed = new Map(
    computeEpisodeMetrics(
      timeline,
      eps.map((e) => ({ id: e.id, openedAt: e.openedAt, resolvedAt: e.resolvedAt })),
      schedule,
    ).map((m) => [m.episodeId, m]),
  );
  const series = sentimentSeries(r, threadId);
  return {
    threadId,
    episodes: eps.map((e): EpisodeMetricsDto => {
      const m = computed.get(e.id);
      return {
        episodeId: e.id,
        number: e.number,
        openedAt: e.openedAt,
        resolvedAt: e.resolvedAt,
        firstResponse: m?.firstResponse ?? null,
        nextResponses: m?.nextResponses ?? [],
        averageReply: m?.averageReply ?? null,
        resolution: m?.resolution ?? null,
        replies: (m?.replies ?? []).map((t) => ({ ...t, agentId: authors.get(t.messageId) ?? null })),
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

/** Whose figures to aggregate over a date range [from, to). */
export interface AggregateScope {
  from: number;
  to: number;
  agentId?: number;
  teamId?: number;
}

const avgPair = (xs: DurationPair[]): DurationPair | null =>
  xs.length === 0
    ? null
    : {
        calendarMs: Math.round(xs.reduce((s, x) => s + x.calendarMs, 0) / xs.length),
        businessMs: Math.round(xs.reduce((s, x) => s + x.businessMs, 0) / xs.length),
      };
const medPair = (xs: DurationPair[]): DurationPair | null =>
  xs.length === 0
    ? null
    : { calendarMs: median(xs.map((x) => x.calendarMs))!, businessMs: median(xs.map((x) => x.businessMs))! };

/** Figures for one agent or team (or everyone) over a date range, computed from the timeline. */
export function aggregateMetrics(db: Db, scope: AggregateScope): AggregateMetrics {
  const inRange = (t: number | null) => t !== null && t >= scope.from && t < scope.to;
  // Threads with any activity in range: an episode opened or resolved in it, or an answered survey.
  const touched = db
    .selectDistinct({ id: episodes.threadId })
    .from(episodes)
    .innerJoin(threads, eq(threads.id, episodes.threadId))
    .where(
      and(
        or(
          and(gte(episodes.openedAt, scope.from), lt(episodes.openedAt, scope.to)),
          and(gte(episodes.resolvedAt, scope.from), lt(episodes.resolvedAt, scope.to)),
        ),
        scope.teamId !== undefined ? eq(threads.teamId, scope.teamId) : undefined,
      ),
    )
    .all()
    .map((r) => r.id);
  const firsts: DurationPair[] = [];
  const replies: DurationPair[] = [];
  const resolutions: DurationPair[] = [];
  const csat: number[] = [];
  const nps: number[] = [];
  let episodesOpened = 0;
  let resolved = 0;
  let turned = 0;
  let soured = 0;
  const epAgent = new Map(
    touched.length === 0
      ? []
      : db
          .select({ id: episodes.id, a: episodes.assigneeId })
          .from(episodes)
          .where(inArray(episodes.threadId, touched))
          .all()
          .map((e) => [e.id, e.a]),
  );
  for (const threadId of touched) {
    const tm = computeThreadMetrics(db, threadId);
    for (const e of tm.episodes) {
      const owner = epAgent.get(e.episodeId) ?? null;
      const mine = scope.agentId === undefined || owner === scope.agentId;
      for (const r of e.replies)
        if (inRange(r.repliedAt) && (scope.agentId === undefined || r.agentId === scope.agentId)) replies.push(r);
      if (inRange(e.openedAt)) {
        const first = e.replies.find((r) => r.isFirst);
        if (e.firstResponse && (scope.agentId === undefined || first?.agentId === scope.agentId))
          firsts.push(e.firstResponse);
        if (mine) episodesOpened++;
      }
      if (!mine) continue;
      if (inRange(e.resolvedAt)) {
        resolved++;
        if (e.resolution) resolutions.push(e.resolution);
        if (e.sentimentChange === 'turned_around') turned++;
        if (e.sentimentChange === 'soured') soured++;
      }
      if (e.survey?.score !== null && e.survey?.score !== undefined && inRange(e.resolvedAt))
        (e.survey.kind === 'csat' ? csat : nps).push(e.survey.score);
    }
  }
  const scores =
    touched.length === 0
      ? []
      : db
          .select({ s: messages.sentimentScore, t: messages.sortTs })
          .from(messages)
          .where(and(inArray(messages.threadId, touched), scoredInbound))
          .all()
          .filter((m) => inRange(m.t))
          .map((m) => m.s as number);
  const touchedSet = new Set(touched);
  const alerts = db
    .select({ f: slaAlerts.fraction, t: slaAlerts.threadId })
    .from(slaAlerts)
    .where(and(gte(slaAlerts.firedAt, scope.from), lt(slaAlerts.firedAt, scope.to)))
    .all()
    .filter((a) => scope.teamId === undefined || touchedSet.has(a.t));
  const npsScore =
    nps.length === 0
      ? null
      : Math.round(((nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length) / nps.length) * 100);
  return {
    replies: replies.length,
    episodes: episodesOpened,
    resolved,
    firstResponse: { count: firsts.length, avg: avgPair(firsts), median: medPair(firsts) },
    reply: { count: replies.length, avg: avgPair(replies) },
    resolution: { count: resolutions.length, avg: avgPair(resolutions) },
    csat: {
      count: csat.length,
      avg: csat.length ? Math.round((csat.reduce((a, b) => a + b, 0) / csat.length) * 100) / 100 : null,
    },
    nps: { count: nps.length, score: npsScore },
    sentiment: {
      count: scores.length,
      avg: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000 : null,
      turnedAround: turned,
      soured,
    },
    sla: {
      breaches: new Set(alerts.filter((a) => a.f >= 1).map((a) => a.t)).size,
      warnings: new Set(alerts.filter((a) => a.f < 1).map((a) => a.t)).size,
    },
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
