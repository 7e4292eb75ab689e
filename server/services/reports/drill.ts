// The conversations behind one figure: the very samples the figure was computed from.
import { inArray, eq } from 'drizzle-orm';
import { customers, threads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { LEADING_METRICS, type DrillDto, type DrillMetric, type LeadingMetric } from '#shared/schemas/reports';
import { DECILE_RULES } from './figures';
import { leadingSamples } from './leadingReport';
import { collectSamples, noSamples, type Sample, type Samples } from './samples';
import type { ReportScope } from './scope';
import { mapByIds } from '#server/services/byIds';

/** At most this many episodes are listed (the total says how many there are). */
export const DRILL_LIMIT = 200;

const isLeading = (m: DrillMetric): m is LeadingMetric => (LEADING_METRICS as readonly string[]).includes(m);

const pick = (x: Samples, metric: Exclude<DrillMetric, LeadingMetric>): Sample[] =>
  metric === 'handled'
    ? [...x.handled.values()]
    : metric === 'reopenRate'
      ? x.reopen
      : x[metric === 'sentimentLift' ? 'lift' : metric];

/** A value range of the samples listed: `(above, upTo]`, either end open (a histogram bin). */
export interface ValueRange {
  above?: number;
  upTo?: number;
}

/**
 * The episodes behind one figure of a scope (narrow it with agentId or teamIds), worst first: the
 * slowest, the lowest scores, the re-opened; `handled` lists the latest first; leading indicators
 * in the order `leadingSamples` gives. `range` keeps the samples of one histogram bin.
 */
export function drillDown(db: Db, s: ReportScope, metric: DrillMetric, range: ValueRange = {}): DrillDto {
  const sorted = (isLeading(metric) ? leadingSamples(db, s, metric) : figureSamples(db, s, metric)).filter(
    (x) => (range.above === undefined || x.value > range.above) && (range.upTo === undefined || x.value <= range.upTo),
  );
  const listed = sorted.slice(0, DRILL_LIMIT);
  const names = mapByIds(
    listed.map((x) => x.threadId),
    (ids) =>
      db
        .select({ id: threads.id, name: customers.name })
        .from(threads)
        .innerJoin(customers, eq(customers.id, threads.customerId))
        .where(inArray(threads.id, ids))
        .all()
        .map((r): [number, string] => [r.id, r.name]),
  );
  return {
    metric,
    total: sorted.length,
    items: listed.map((x) => ({ ...x, customerName: names.get(x.threadId) ?? '' })),
  };
}

/** The samples of a report figure, worst first (`handled`: latest first). */
function figureSamples(db: Db, s: ReportScope, metric: Exclude<DrillMetric, LeadingMetric>): Sample[] {
  const all = pick(collectSamples(db, s, 'all').get(0) ?? noSamples(), metric);
  const better = metric === 'handled' ? null : DECILE_RULES[metric].better;
  return [...all].sort((a, b) =>
    better === null ? b.at - a.at : (better === 'lower' ? b.value - a.value : a.value - b.value) || b.at - a.at,
  );
}
