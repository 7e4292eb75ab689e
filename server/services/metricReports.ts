import type { DurationPair } from '#shared/metrics/responseTimes';
import type { AggregateMetrics } from '#shared/schemas/metrics';
import { EPISODE, REPLY, SURVEY, surveyKind, type HistogramDef } from './rollups/definitions';
import { orderStats } from './rollups/orderStats';
import { rangeHistograms, rangeSums, type RangeScope } from './rollups/read';
import type { Reader } from './threadQueries';

/** Who a figure belongs to, said in every agent report (one rule, applied everywhere). */
export const ATTRIBUTION =
  'Each reply and its timing (first and next responses) belongs to its author; an episode’s resolution, ' +
  'sentiment, SLA alerts and survey belong to the agent who resolved it. Team figures use the team that ' +
  'held the episode at the time. An episode counts once among the episodes handled, in the range where ' +
  'the agent (team) first handled it.';

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

const REPLY_COLS = [
  'accepted',
  'failed',
  'first_count',
  'first_cal',
  'first_bus',
  'next_count',
  'next_cal',
  'next_bus',
] as const;
const EPISODE_COLS = [
  'resolved',
  'cal',
  'bus',
  'scored',
  'sentiment_sum',
  'turned',
  'soured',
  'breached',
  'warned',
] as const;
const SURVEY_COLS = ['answers', 'score_sum', 'promoters', 'detractors'] as const;

/**
 * Figures for every agent (or team) over a range, added up from the metric rollups (whole UTC days)
 * and the raw facts of the partial days at the edges — never from timelines; first-response medians
 * exact (services/rollups/orderStats.ts). `only` narrows to one agent or team.
 */
export function aggregateBy(r: Reader, by: GroupKey, range: ReportRange, only?: number): Map<number, AggregateMetrics> {
  const s: RangeScope = {
    ...range,
    teamIds: by === 'team' && only !== undefined ? [only] : null,
    agentId: by === 'agent' ? only : undefined,
  };
  const out = new Map<number, AggregateMetrics>();
  // Key 0 holds facts without an agent or team: not a row of the report.
  const get = (id: number) => {
    if (id === 0) return null;
    let m = out.get(id);
    if (!m) out.set(id, (m = emptyAggregate()));
    return m;
  };
  const episodes = `episodes_${by}` as const;
  for (const [id, x] of rangeSums(r, REPLY, s, by, [...REPLY_COLS, episodes])) {
    const m = get(id);
    if (!m) continue;
    const timed = x.first_count + x.next_count;
    m.replies = x.accepted;
    m.failedReplies = x.failed;
    m.reply = { count: timed, avg: pairAvg(x.first_cal + x.next_cal, x.first_bus + x.next_bus, timed) };
    m.firstResponse = {
      count: x.first_count,
      avg: pairAvg(x.first_cal, x.first_bus, x.first_count),
      median: null,
    };
    m.episodes = x[episodes];
  }
  const [cal, bus] = REPLY.histograms.filter((h) => h.kind === 'first');
  const medians = (h: HistogramDef) => orderStats(r, REPLY, h, s, by, rangeHistograms(r, REPLY, h, s, by), false);
  const bus50 = medians(bus);
  for (const [id, c] of medians(cal)) {
    const m = get(id);
    if (m && c.median !== null) m.firstResponse.median = { calendarMs: c.median, businessMs: bus50.get(id)!.median! };
  }
  episodeFigures(r, s, by, get);
  surveyFigures(r, s, by, get);
  return out;
}

function episodeFigures(r: Reader, s: RangeScope, by: GroupKey, get: (id: number) => AggregateMetrics | null) {
  for (const [id, x] of rangeSums(r, EPISODE, s, by, EPISODE_COLS)) {
    const m = get(id);
    if (!m) continue;
    m.resolved = x.resolved;
    m.resolution = { count: x.resolved, avg: pairAvg(x.cal, x.bus, x.resolved) };
    m.sentiment = {
      count: x.scored,
      avg: x.scored === 0 ? null : Math.round((x.sentiment_sum / x.scored) * 1000) / 1000,
      turnedAround: x.turned,
      soured: x.soured,
    };
    m.sla = { breaches: x.breached, warnings: x.warned };
  }
}

function surveyFigures(r: Reader, s: RangeScope, by: GroupKey, get: (id: number) => AggregateMetrics | null) {
  for (const kind of ['csat', 'nps'] as const)
    for (const [id, x] of rangeSums(r, SURVEY, s, by, SURVEY_COLS, surveyKind(kind))) {
      const m = get(id);
      if (!m || x.answers === 0) continue;
      if (kind === 'csat') m.csat = { count: x.answers, avg: Math.round((x.score_sum / x.answers) * 100) / 100 };
      else m.nps = { count: x.answers, score: Math.round(((x.promoters - x.detractors) / x.answers) * 100) };
    }
}

/** Figures of one agent or team over a range (zeros when it handled nothing). */
export function aggregateOne(r: Reader, by: GroupKey, id: number, range: ReportRange): AggregateMetrics {
  return aggregateBy(r, by, range, id).get(id) ?? emptyAggregate();
}
