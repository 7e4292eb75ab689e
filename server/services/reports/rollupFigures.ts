// Report figures from the metric rollups (services/rollups): sums and counts added up per day,
// medians and p90 exact from histogram + value index. They equal figuresOf(collectSamples(…)) over
// the raw facts (tests/server/services/rollups), at a cost that grows with days, not with facts.
import { sql } from 'drizzle-orm';
import { share } from '#server/domain/reports/stats';
import { EPISODE, REPLY, SURVEY, surveyKind, type DurationKind } from '#server/services/rollups/definitions';
import { orderStats, type OrderStats } from '#server/services/rollups/orderStats';
import { rangeHistograms, rangeSums, type Group } from '#server/services/rollups/read';
import type { Histogram } from '#server/services/rollups/buckets';
import type { Reader } from '#server/services/threadQueries';
import type { ReportFigures, TeamReport } from '#shared/schemas/reports';
import { scopeWhere, type ReportScope } from './scope';

const spreadOf = (x: OrderStats | undefined) =>
  x
    ? { count: x.count, median: x.median === null ? null : Math.round(x.median), p90: x.p90 }
    : { count: 0, median: null, p90: null };

/** The histogram definition of a duration in the scope's clock. */
export const histogramOf = (kind: DurationKind, time: ReportScope['time']) =>
  [...REPLY.histograms, ...EPISODE.histograms].find((h) => h.kind === kind && h.clock === time)!;

/** Histograms of one duration per group (for the team report's distribution too). */
export function durationHistograms(r: Reader, s: ReportScope, by: Group, kind: DurationKind): Map<number, Histogram> {
  return rangeHistograms(r, kind === 'resolution' ? EPISODE : REPLY, histogramOf(kind, s.time), s, by);
}

function durations(r: Reader, s: ReportScope, by: Group, kind: DurationKind): Map<number, OrderStats> {
  const d = kind === 'resolution' ? EPISODE : REPLY;
  return orderStats(r, d, histogramOf(kind, s.time), s, by, durationHistograms(r, s, by, kind));
}

/**
 * Figures per agent, per team (key null: no team) or in total (key 0) over a scope; groups with no
 * fact in the scope are absent. `handled` counts each episode once, where the group first handled it.
 */
export function figuresBy(r: Reader, s: ReportScope, by: Group): Map<number | null, ReportFigures> {
  const handled = `handled_${by}` as const;
  const replies = rangeSums(r, REPLY, s, by, [handled, 'accepted']);
  const eps = rangeSums(r, EPISODE, s, by, [
    handled,
    'resolved',
    'reopened',
    'lift_count',
    'lift_sum',
    'improved',
    'worsened',
  ]);
  const csat = rangeSums(r, SURVEY, s, by, ['answers', 'score_sum', 'satisfied'], surveyKind('csat'));
  const nps = rangeSums(r, SURVEY, s, by, ['answers', 'promoters', 'detractors'], surveyKind('nps'));
  const reviews = reviewsBy(r, s, by);
  const first = durations(r, s, by, 'first');
  const next = durations(r, s, by, 'next');
  const resolution = durations(r, s, by, 'resolution');
  const keys = new Set([...replies.keys(), ...eps.keys(), ...csat.keys(), ...nps.keys(), ...reviews.keys()]);
  const out = new Map<number | null, ReportFigures>();
  for (const g of keys) {
    if (by === 'agent' && g === 0) continue;
    const e = eps.get(g);
    const c = csat.get(g);
    const p = nps.get(g);
    const v = reviews.get(g);
    const resolved = e?.resolved ?? 0;
    const liftCount = e?.lift_count ?? 0;
    out.set(by === 'team' && g === 0 ? null : g, {
      handled: (replies.get(g)?.[handled] ?? 0) + (e?.[handled] ?? 0),
      firstResponse: spreadOf(first.get(g)),
      nextResponse: spreadOf(next.get(g)),
      resolution: spreadOf(resolution.get(g)),
      reopen: { resolved, reopened: e?.reopened ?? 0, rate: share(e?.reopened ?? 0, resolved) },
      csat: {
        count: c?.answers ?? 0,
        avg: c?.answers ? Math.round((c.score_sum / c.answers) * 100) / 100 : null,
        satisfied: share(c?.satisfied ?? 0, c?.answers ?? 0),
      },
      nps: {
        count: p?.answers ?? 0,
        score: p?.answers ? Math.round(((p.promoters - p.detractors) / p.answers) * 100) : null,
      },
      sentimentLift: {
        count: liftCount,
        lift: liftCount === 0 ? null : Math.round(((e?.lift_sum ?? 0) / liftCount) * 1000) / 1000,
        improved: e?.improved ?? 0,
        worsened: e?.worsened ?? 0,
      },
      review: v ?? { count: 0, avg: null },
    });
  }
  return out;
}

/** One point of the team report's trend: total first-response median, CSAT average, episodes handled. */
export function trendPoint(r: Reader, s: ReportScope): Omit<TeamReport['trend'][number], 'from'> {
  const handled = (d: typeof REPLY) => rangeSums(r, d, s, 'all', ['handled_all']).get(0)?.handled_all ?? 0;
  const c = rangeSums(r, SURVEY, s, 'all', ['answers', 'score_sum'], surveyKind('csat')).get(0);
  return {
    firstResponseMedian: spreadOf(durations(r, s, 'all', 'first').get(0)).median,
    csat: c?.answers ? Math.round((c.score_sum / c.answers) * 100) / 100 : null,
    handled: handled(REPLY) + handled(EPISODE),
  };
}

/** Reviews created in the scope (few rows: read directly), per group. */
function reviewsBy(r: Reader, s: ReportScope, by: Group): Map<number, { count: number; avg: number | null }> {
  const g = sql.raw(by === 'agent' ? 'coalesce(rv.agent_id, 0)' : by === 'team' ? 'coalesce(rv.team_id, 0)' : '0');
  const rows = r.all<{ g: number; n: number; total: number }>(sql`
    select ${g} g, count(*) n, sum(rv.score) total
    from reviews rv left join episode_facts ef on ef.episode_id = rv.episode_id
    where ${scopeWhere(s, 'rv', 'created_at', 'ef')} group by 1`);
  return new Map(rows.map((x) => [x.g, { count: x.n, avg: Math.round((x.total / x.n) * 10) / 10 }]));
}
