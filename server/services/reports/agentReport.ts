import { ATTRIBUTION } from '#server/services/metricReports';
import { listAgents, listTeams } from '#server/services/agents';
import type { Db } from '#server/db/connection';
import { DECILE_METRICS, type AgentReport, type ReportFigures, type TeamReport } from '#shared/schemas/reports';
import { emptyHistogram } from '#server/services/rollups/buckets';
import { decilesOf, figuresOf } from './figures';
import { noSamples } from './samples';
import type { ReportScope } from './scope';
import { histogramBins, rollupTrend } from './distribution';
import { durationHistograms, figuresBy } from './rollupFigures';

/**
 * Per-agent figures of a scope, the same figures for the `periods − 1` earlier periods of the same
 * length (`earlier`), and, unless `withDeciles` is false (agents reading their own), the decile gap of
 * every metric with its trend over those periods.
 */
export function agentReport(db: Db, s: ReportScope, min: number, periods: number, withDeciles: boolean): AgentReport {
  const figures = figuresBy(db, s, 'agent');
  const agents = listAgents(db, () => 'offline');
  const listed = agents.filter(
    (a) =>
      figures.has(a.id) ||
      (s.agentId === undefined
        ? s.teamIds !== null && a.teamIds.some((t) => s.teamIds!.includes(t))
        : a.id === s.agentId),
  );
  const items = listed.map((a) => ({ agentId: a.id, name: a.name, ...(figures.get(a.id) ?? figuresOf(noSamples())) }));
  // The `periods − 1` earlier periods of the same length, oldest first: the figures behind the gap's
  // trend and the agents table's sparklines, read once for both.
  const span = s.to - s.from;
  const earlier = Array.from({ length: periods - 1 }, (_, k) => {
    const back = (periods - 1 - k) * span;
    const period = { ...s, from: s.from - back, to: s.to - back };
    const byAgent = [...figuresBy(db, period, 'agent')].map(([agentId, f]) => ({ agentId: agentId as number, ...f }));
    return { from: period.from, to: period.to, items: byAgent };
  });
  let deciles: AgentReport['deciles'] = null;
  if (withDeciles) {
    const ranked = (rows: Array<{ agentId: number } & ReportFigures>) =>
      decilesOf(
        rows.map((i) => ({ agentId: i.agentId, figures: i })),
        min,
      );
    deciles = ranked(items);
    const all = [...earlier.map((e) => ({ ...e, d: ranked(e.items) })), { from: s.from, to: s.to, d: deciles }];
    for (const period of all)
      for (const metric of DECILE_METRICS)
        deciles[metric].trend.push({ from: period.from, to: period.to, gap: period.d[metric].gap });
  }
  return { from: s.from, to: s.to, time: s.time, attribution: ATTRIBUTION, items, deciles, earlier };
}

/** Per-team figures of a scope, the total, the first-response histogram and a trend. */
export function teamReport(db: Db, s: ReportScope): TeamReport {
  const figures = figuresBy(db, s, 'team');
  const total = figuresBy(db, s, 'all').get(0) ?? figuresOf(noSamples());
  const teams = listTeams(db).filter((t) => figures.has(t.id) || s.teamIds === null || s.teamIds.includes(t.id));
  const items: TeamReport['items'] = teams.map((t) => ({
    teamId: t.id,
    name: t.name,
    ...(figures.get(t.id) ?? figuresOf(noSamples())),
  }));
  const none = figures.get(null);
  if (none) items.push({ teamId: null, name: '', ...none });
  return {
    from: s.from,
    to: s.to,
    time: s.time,
    attribution: ATTRIBUTION,
    items,
    total,
    histogram: histogramBins(durationHistograms(db, s, 'all', 'first').get(0) ?? emptyHistogram()),
    trend: rollupTrend(db, s),
  };
}
