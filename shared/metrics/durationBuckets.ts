// The fixed histogram of the duration rollups (docs/metrics.md, "Rollups"): bucket i holds the values
// v with EDGES[i-1] < v <= EDGES[i] (bucket 0: v <= 1 s; the last bucket: longer than 30 days). The
// edges include the report histogram's (1, 5, 15, 30 min, 1 h, 4 h, 1 day), so its bins are sums of
// these buckets, and no bucket is wider than 2.5 times its lower edge.

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

/** Upper edges (inclusive), in ms. */
// prettier-ignore
export const EDGES: readonly number[] = [
  S, 2 * S, 5 * S, 10 * S, 15 * S, 20 * S, 30 * S, 45 * S,
  MIN, 1.5 * MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN, 7.5 * MIN, 10 * MIN, 15 * MIN, 20 * MIN, 30 * MIN, 45 * MIN,
  H, 1.5 * H, 2 * H, 3 * H, 4 * H, 6 * H, 8 * H, 12 * H, 16 * H,
  D, 1.5 * D, 2 * D, 3 * D, 4 * D, 7 * D, 14 * D, 30 * D,
];

/** Number of buckets (the edges and one open bucket above the last). */
export const BUCKETS = EDGES.length + 1;

/** The bucket of a value. */
export function bucketOf(v: number): number {
  let lo = 0;
  let hi = EDGES.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= EDGES[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Value bounds of a bucket: lower exclusive (null: none), upper inclusive (null: none). */
export function bucketBounds(b: number): { above: number | null; upTo: number | null } {
  return { above: b === 0 ? null : EDGES[b - 1], upTo: b < EDGES.length ? EDGES[b] : null };
}
