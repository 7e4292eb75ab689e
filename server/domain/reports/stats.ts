// Order statistics for reports: medians and nearest-rank percentiles over whole milliseconds.
import { median } from '#server/domain/waitPrediction';

/** Count, median and 90th percentile of a sample (null figures when it is empty). */
export interface Spread {
  count: number;
  median: number | null;
  p90: number | null;
}

/**
 * Nearest-rank percentile: the smallest value with at least p % of the sample at or below it
 * (p90 of 1…10 is 9, of a single value is that value). Null for an empty sample.
 */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

/**
 * Median (the mean of the two middle values for an even count, as the metrics API does, rounded to
 * a whole millisecond) and p90 of a sample.
 */
export function spread(xs: readonly number[]): Spread {
  const m = median([...xs]);
  return { count: xs.length, median: m === null ? null : Math.round(m), p90: percentile(xs, 90) };
}

/** A share in [0, 1] rounded to 4 decimals; null when nothing was counted. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** A mean rounded to `decimals`; null for an empty sample. */
export function mean(xs: readonly number[], decimals = 3): number | null {
  if (xs.length === 0) return null;
  const f = 10 ** decimals;
  return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * f) / f;
}
