import { and, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { episodeFacts, replyFacts, surveyFacts } from '#server/db/schema';
import type { DurationPair } from '#shared/metrics/responseTimes';
import type { AggregateMetrics } from '#shared/schemas/metrics';
import { median } from '#server/domain/waitPrediction';
import type { Reader } from './threadQueries';

/** Who a figure belongs to, said in every agent report (one rule, applied everywhere). */
export const ATTRIBUTION =
  'Each reply and its timing (first and next responses) belongs to its author; an episode’s resolution, ' +
  'sentiment, SLA alerts and survey belong to the agent who resolved it. Team figures use the team that ' +
  'held the episode at the time.';

/** Group reports by agent or by team. */
export type GroupKey = 'agent' | 'team';

/** A report range [from, to), epoch ms. */
export interface ReportRange {
  from: number;
  to: number;
}

const n = (v: unknown) => Number(v ?? 0);
const avg = (sum: unknown, count: number) => (count === 0 ? null : Math.round(n(sum) / count));
const pairAvg = (cal: unknown, bus: unknown, count: number): DurationPair | null =>
  count === 0 ? null : { calendarMs: avg(cal, count) as number, businessMs: avg(bus, count) as number };

/** An empty report (an agent who handled nothing in the range). */
export function emptyAggregate(): AggregateMetrics {
  return {
    replies: 0,
    failedReplies: 0,
    episodes: 0,
    resolved: 0,
    firstResponse: { count: 0, avg: null, median: null },
    reply: { count: 0, avg: null },
    resolution: { count: 0, avg: null },
    csat: { count: 0, avg: null },
    nps: { count: 0, score: null },
    sentiment: { count: 0, avg: null, turnedAround: 0, soured: 0 },
    sla: { breaches: 0, warnings: 0 },
  };
}

function keyCols(by: GroupKey) {
  return by === 'agent'
    ? { reply: replyFacts.agentId, episode: episodeFacts.agentId, survey: surveyFacts.agentId }
    : { reply: replyFacts.teamId, episode: episodeFacts.teamId, survey: surveyFacts.teamId };
}

function where(col: SQLiteColumn, at: SQLiteColumn, range: ReportRange, only?: number): SQL | undefined {
  return and(gte(at, range.from), lt(at, range.to), only === undefined ? undefined : sql`${col} = ${only}`);
}

/** One group of figures read from the facts into the aggregates `get` hands out (null: not asked for). */
type Figures = (
  r: Reader,
  col: SQLiteColumn,
  range: ReportRange,
  only: number | undefined,
  get: (id: number | null) => AggregateMetrics | null,
) => void;

/**
 * Figures for every agent (or team) over a range, added up from metric facts with a few grouped
 * queries — never from timelines. `only` narrows to one agent or team.
 */
export function aggregateBy(r: Reader, by: GroupKey, range: ReportRange, only?: number): Map<number, AggregateMetrics> {
  const k = keyCols(by);
  const out = new Map<number, AggregateMetrics>();
  const get = (id: number | null) => {
    if (id === null) return null;
    let m = out.get(id);
    if (!m) out.set(id, (m = emptyAggregate()));
    return m;
  };
  const timed = sql`(${replyFacts.outcome} = 'accepted' and ${replyFacts.waitedFrom} is not null)`;
  for (const row of r
    .select({
      id: k.reply,
      accepted: sql<number>`sum(${replyFacts.outcome} = 'accepted')`,
      failed: sql<number>`sum(${replyFacts.outcome} = 'failed')`,
      timed: sql<number>`sum(${timed})`,
      cal: sql<number>`sum(case when ${timed} then ${replyFacts.calendarMs} end)`,
      bus: sql<number>`sum(case when ${timed} then ${replyFacts.businessMs} end)`,
      firsts: sql<number>`sum(${replyFacts.isFirst})`,
      firstCal: sql<number>`sum(case when ${replyFacts.isFirst} then ${replyFacts.calendarMs} end)`,
      firstBus: sql<number>`sum(case when ${replyFacts.isFirst} then ${replyFacts.businessMs} end)`,
      episodes: sql<number>`count(distinct ${replyFacts.episodeId})`,
    })
    .from(replyFacts)
    .where(where(k.reply, replyFacts.at, range, only))
    .groupBy(k.reply)
    .all()) {
    const m = get(row.id);
    if (!m) continue;
    m.replies = n(row.accepted);
    m.failedReplies = n(row.failed);
    m.reply = { count: n(row.timed), avg: pairAvg(row.cal, row.bus, n(row.timed)) };
    m.firstResponse = { count: n(row.firsts), avg: pairAvg(row.firstCal, row.firstBus, n(row.firsts)), median: null };
    m.episodes = n(row.episodes);
  }
  firstResponseMedians(r, k.reply, range, only, get);
  episodeFigures(r, k.episode, range, only, get);
  surveyFigures(r, k.survey, range, only, get);
  return out;
}

const firstResponseMedians: Figures = (r, col, range, only, get) => {
  const cal = new Map<number, number[]>();
  const bus = new Map<number, number[]>();
  const rows = r
    .select({ id: col, c: replyFacts.calendarMs, b: replyFacts.businessMs })
    .from(replyFacts)
    .where(and(where(col, replyFacts.at, range, only), sql`${replyFacts.isFirst} = 1`))
    .all();
  for (const x of rows) {
    if (x.id === null) continue;
    const id = x.id as number;
    (cal.get(id) ?? cal.set(id, []).get(id)!).push(x.c ?? 0);
    (bus.get(id) ?? bus.set(id, []).get(id)!).push(x.b ?? 0);
  }
  for (const [id, cs] of cal) {
    const m = get(id);
    if (m) m.firstResponse.median = { calendarMs: median(cs) as number, businessMs: median(bus.get(id)!) as number };
  }
};

const episodeFigures: Figures = (r, col, range, only, get) => {
  const f = episodeFacts;
  for (const row of r
    .select({
      id: col,
      count: sql<number>`count(*)`,
      cal: sql<number>`sum(${f.calendarMs})`,
      bus: sql<number>`sum(${f.businessMs})`,
      scored: sql<number>`count(${f.sentimentEnd})`,
      sentiment: sql<number>`sum(${f.sentimentEnd})`,
      turned: sql<number>`sum(${f.sentimentChange} = 'turned_around')`,
      soured: sql<number>`sum(${f.sentimentChange} = 'soured')`,
      breaches: sql<number>`sum(${f.slaBreaches} > 0)`,
      warnings: sql<number>`sum(${f.slaWarnings} > 0)`,
    })
    .from(f)
    .where(where(col, f.resolvedAt, range, only))
    .groupBy(col)
    .all()) {
    const m = get(row.id as number | null);
    if (!m) continue;
    const count = n(row.count);
    m.resolved = count;
    m.resolution = { count, avg: pairAvg(row.cal, row.bus, count) };
    const scored = n(row.scored);
    m.sentiment = {
      count: scored,
      avg: scored === 0 ? null : Math.round((n(row.sentiment) / scored) * 1000) / 1000,
      turnedAround: n(row.turned),
      soured: n(row.soured),
    };
    m.sla = { breaches: n(row.breaches), warnings: n(row.warnings) };
  }
};

const surveyFigures: Figures = (r, col, range, only, get) => {
  const f = surveyFacts;
  for (const row of r
    .select({
      id: col,
      kind: f.kind,
      count: sql<number>`count(*)`,
      sum: sql<number>`sum(${f.score})`,
      promoters: sql<number>`sum(${f.score} >= 9)`,
      detractors: sql<number>`sum(${f.score} <= 6)`,
    })
    .from(f)
    .where(where(col, f.answeredAt, range, only))
    .groupBy(col, f.kind)
    .all()) {
    const m = get(row.id as number | null);
    if (!m) continue;
    const count = n(row.count);
    if (row.kind === 'csat') m.csat = { count, avg: Math.round((n(row.sum) / count) * 100) / 100 };
    else m.nps = { count, score: Math.round(((n(row.promoters) - n(row.detractors)) / count) * 100) };
  }
};

/** Figures of one agent or team over a range (zeros when it handled nothing). */
export function aggregateOne(r: Reader, by: GroupKey, id: number, range: ReportRange): AggregateMetrics {
  return aggregateBy(r, by, range, id).get(id) ?? emptyAggregate();
}
