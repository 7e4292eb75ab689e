import { spread } from '#server/domain/reports/stats';
import type { TeamReport } from '#shared/schemas/reports';
import type { Samples } from './samples';

const MIN = 60_000;
const DAY = 86_400_000;

/** Upper edges of the first-response histogram bins (the last bin is open: longer than a day). */
export const HISTOGRAM_EDGES = [MIN, 5 * MIN, 15 * MIN, 30 * MIN, 60 * MIN, 4 * 60 * MIN, DAY];

/** Count first responses per bin: up to 1 min, 5 min, … 1 day, then longer (upToMs null). */
export function firstResponseHistogram(waits: readonly number[]): TeamReport['histogram'] {
  const bins = [...HISTOGRAM_EDGES.map((upToMs) => ({ upToMs, count: 0 })), { upToMs: null, count: 0 }];
  for (const w of waits) {
    const i = HISTOGRAM_EDGES.findIndex((e) => w <= e);
    bins[i < 0 ? bins.length - 1 : i].count++;
  }
  return bins;
}

/** Buckets of a trend: days for ranges up to 31 days, weeks up to 200 days, else 30-day months. */
export function bucketMs(from: number, to: number): number {
  const span = to - from;
  return span <= 31 * DAY ? DAY : span <= 200 * DAY ? 7 * DAY : 30 * DAY;
}

/** First-response median, CSAT average and conversations handled per bucket of the range. */
export function trendOf(x: Samples, from: number, to: number): TeamReport['trend'] {
  const step = bucketMs(from, to);
  const n = Math.max(1, Math.ceil((to - from) / step));
  const idx = (at: number) => Math.min(n - 1, Math.max(0, Math.floor((at - from) / step)));
  const first = Array.from({ length: n }, () => [] as number[]);
  const csat = Array.from({ length: n }, () => [] as number[]);
  const handled = new Array<number>(n).fill(0);
  for (const s of x.firstResponse) first[idx(s.at)].push(s.value);
  for (const s of x.csat) csat[idx(s.at)].push(s.value);
  for (const s of x.handled.values()) handled[idx(s.at)]++;
  return first.map((f, i) => ({
    from: from + i * step,
    firstResponseMedian: spread(f).median,
    csat: csat[i].length ? Math.round((csat[i].reduce((a, b) => a + b, 0) / csat[i].length) * 100) / 100 : null,
    handled: handled[i],
  }));
}
