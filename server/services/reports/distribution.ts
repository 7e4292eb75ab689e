import { bucketBounds, type Histogram } from '#server/services/rollups/buckets';
import type { Reader } from '#server/services/threadQueries';
import type { TeamReport } from '#shared/schemas/reports';
import { trendPoint } from './rollupFigures';
import type { ReportScope } from './scope';

const MIN = 60_000;
const DAY = 86_400_000;

/** Upper edges of the first-response histogram bins (the last bin is open: longer than a day). */
export const HISTOGRAM_EDGES = [MIN, 5 * MIN, 15 * MIN, 30 * MIN, 60 * MIN, 4 * 60 * MIN, DAY];

/** The report's bins (up to 1 min, 5 min, … 1 day, then longer: upToMs null) from a rollup histogram. */
export function histogramBins(h: Histogram): TeamReport['histogram'] {
  const bins = [...HISTOGRAM_EDGES.map((upToMs) => ({ upToMs, count: 0 })), { upToMs: null, count: 0 }];
  // Every bin edge is a bucket edge (rollups/buckets.ts): each bucket falls in exactly one bin.
  h.forEach((n, b) => {
    const upTo = bucketBounds(b).upTo;
    const i = upTo === null ? -1 : HISTOGRAM_EDGES.findIndex((e) => upTo <= e);
    bins[i < 0 ? bins.length - 1 : i].count += n;
  });
  return bins;
}

/** Buckets of a trend: days for ranges up to 31 days, weeks up to 200 days, else 30-day months. */
export function bucketMs(from: number, to: number): number {
  const span = to - from;
  return span <= 31 * DAY ? DAY : span <= 200 * DAY ? 7 * DAY : 30 * DAY;
}

/**
 * First-response median, CSAT average and conversations handled per bucket of the range (in total).
 * The buckets between the first and the last start at UTC midnights, so only the range's own two
 * edges are read from raw facts and every bucket inside is whole rollup days.
 */
export function rollupTrend(r: Reader, s: ReportScope): TeamReport['trend'] {
  const step = bucketMs(s.from, s.to);
  const n = Math.max(1, Math.ceil((s.to - s.from) / step));
  const bounds = Array.from({ length: n + 1 }, (_, i) =>
    i === 0 ? s.from : i === n ? s.to : Math.min(s.to, Math.max(s.from, Math.floor((s.from + i * step) / DAY) * DAY)),
  );
  return Array.from({ length: n }, (_, i) => ({ from: bounds[i], to: bounds[i + 1] }))
    .filter((b) => b.from < b.to || n === 1)
    .map((b) => ({ from: b.from, ...trendPoint(r, { ...s, ...b }) }));
}
