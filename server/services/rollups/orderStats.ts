// Exact medians and p90 without reading every value: the group's histogram (rollups and edge days)
// says which bucket holds the value of a rank and its rank within the bucket; the value index of
// the facts (tables/metricFacts.ts) then reads that one value, walking only the bucket's rows.
import { sql } from 'drizzle-orm';
import type { Reader } from '#server/services/threadQueries';
import { scopeWhere } from '#server/services/reports/scope';
import { BUCKETS, bucketBounds, type Histogram } from './buckets';
import type { HistogramDef, RollupDef } from './definitions';
import type { Group, RangeScope } from './read';

/** Count, median (mean of the middle two for an even count, unrounded) and nearest-rank p90. */
export interface OrderStats {
  count: number;
  median: number | null;
  p90: number | null;
}

const total = (h: Histogram) => h.reduce((a, b) => a + b, 0);

/** The value of rank `k` (1-based, ascending) of group `g`'s values in the scope. */
function valueAt(
  r: Reader,
  d: RollupDef,
  h: HistogramDef,
  s: RangeScope,
  by: Group,
  g: number,
  hist: Histogram,
  k: number,
) {
  let below = 0;
  let b = 0;
  while (b < BUCKETS - 1 && below + hist[b] < k) below += hist[b++];
  const { above, upTo } = bucketBounds(b);
  const col = by === 'agent' ? d.agent : d.team;
  const parts = [
    h.indexWhere,
    by === 'all' ? '1' : g === 0 ? `${col} is null` : `${col} = ${Math.trunc(g)}`,
    above === null ? '1' : `${h.value} > ${above}`,
    upTo === null ? '1' : `${h.value} <= ${upTo}`,
  ];
  const index = `${d.from.split(' ')[0]}_${by === 'all' ? '' : `${by}_`}${h.clock}_idx`;
  const where = scopeWhere({ ...s, time: 'calendar' }, d.alias, d.atColumn, d.channelAlias);
  const read = (offset: number, bounded: boolean) =>
    r.get<{ v: number }>(sql`select ${sql.raw(h.value)} v from ${sql.raw(d.from)} indexed by ${sql.raw(index)}
      where ${sql.raw((bounded ? parts : parts.slice(0, 2)).join(' and '))} and ${where}
      order by ${sql.raw(h.value)} limit 1 offset ${offset}`)?.v;
  // Unbounded re-read only if the histogram and the facts ever disagreed (they are written together).
  return read(k - below - 1, true) ?? (read(k - 1, false) as number);
}

/** Exact order statistics of each group's values, from its histogram and the value index. */
export function orderStats(
  r: Reader,
  d: RollupDef,
  h: HistogramDef,
  s: RangeScope,
  by: Group,
  hists: Map<number, Histogram>,
  withP90 = true,
): Map<number, OrderStats> {
  const out = new Map<number, OrderStats>();
  for (const [g, hist] of hists) {
    const n = total(hist);
    if (n === 0) {
      out.set(g, { count: 0, median: null, p90: null });
      continue;
    }
    const at = (k: number) => valueAt(r, d, h, s, by, g, hist, k);
    const median = n % 2 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
    out.set(g, { count: n, median, p90: withP90 ? at(Math.max(1, Math.ceil(0.9 * n))) : null });
  }
  return out;
}
