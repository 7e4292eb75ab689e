// The report and metrics readers a worker thread runs (docs/reports.md, "Off the event loop"): each
// takes the database and plain, structured-clonable arguments and answers the JSON the route sends.
import type { Db } from '#server/db/connection';
import { listAgents, listTeams } from '#server/services/agents';
import { aggregateBy, aggregateOne, ATTRIBUTION, emptyAggregate } from '#server/services/metricReports';
import { agentReport, teamReport } from '#server/services/reports/agentReport';
import { drillDown, type ValueRange } from '#server/services/reports/drill';
import { leadingReport } from '#server/services/reports/leadingReport';
import type { ReportScope } from '#server/services/reports/scope';
import { waitCalibration } from '#server/services/waitCalibration';
import type { DrillMetric } from '#shared/schemas/reports';

/** A metrics range as the metrics routes parse it. */
export interface MetricsRange {
  from: number;
  to: number;
  teamId?: number;
}

/** Every reader by name; the pool runs one of them on a worker (or inline on an in-memory database). */
export const READERS = {
  metricsAgents(db: Db, q: MetricsRange) {
    const agents = listAgents(db, () => 'offline').filter(
      (a) => q.teamId === undefined || a.teamIds.includes(q.teamId),
    );
    const figures = aggregateBy(db, 'agent', q);
    return {
      from: q.from,
      to: q.to,
      attribution: ATTRIBUTION,
      items: agents.map((a) => ({ agentId: a.id, name: a.name, metrics: figures.get(a.id) ?? emptyAggregate() })),
    };
  },
  metricsAgent(db: Db, a: { agentId: number; q: MetricsRange }) {
    const metrics = aggregateOne(db, 'agent', a.agentId, a.q);
    return { from: a.q.from, to: a.q.to, agentId: a.agentId, attribution: ATTRIBUTION, metrics };
  },
  metricsTeams(db: Db, q: MetricsRange) {
    const figures = aggregateBy(db, 'team', q);
    return {
      from: q.from,
      to: q.to,
      attribution: ATTRIBUTION,
      items: listTeams(db).map((t) => ({ teamId: t.id, name: t.name, metrics: figures.get(t.id) ?? emptyAggregate() })),
    };
  },
  predictions: (db: Db, a: { q: MetricsRange; now: number }) => waitCalibration(db, a.q, a.now),
  reportAgents: (db: Db, a: { scope: ReportScope; min: number; periods: number; withDeciles: boolean }) =>
    agentReport(db, a.scope, a.min, a.periods, a.withDeciles),
  reportTeams: (db: Db, scope: ReportScope) => teamReport(db, scope),
  reportLeading: (db: Db, scope: ReportScope) => leadingReport(db, scope),
  drill: (db: Db, a: { scope: ReportScope; metric: DrillMetric; range: ValueRange }) =>
    drillDown(db, a.scope, a.metric, a.range),
};

/** The name of a reader. */
export type ReaderName = keyof typeof READERS;
/** What a reader takes besides the database. */
export type ReaderArgs<K extends ReaderName> = Parameters<(typeof READERS)[K]>[1];
/** What a reader answers. */
export type ReaderResult<K extends ReaderName> = ReturnType<(typeof READERS)[K]>;

/** Run a reader by name (on whichever thread holds `db`). */
export function runReader<K extends ReaderName>(db: Db, name: K, args: ReaderArgs<K>): ReaderResult<K> {
  const fn = READERS[name] as (db: Db, args: ReaderArgs<K>) => ReaderResult<K>;
  return fn(db, args);
}
