import type { IngestFixture } from '#scripts/bench/fixtures/ingest';
import type { LoadResult, Target } from '#scripts/bench/load';
import { median } from '#scripts/bench/stats';

/** Per-target results of interleaved rounds, and the median of any figure over them. */
export interface Rounds {
  raw: LoadResult[];
  braid: LoadResult[];
  med(target: 'raw' | 'braid', pick: (r: LoadResult) => number): number;
}

/**
 * Run the same load against both servers `rounds` times, alternating which goes first, so drift
 * on a shared machine (other processes, thermal) hits both alike. Reported figures are medians.
 */
export async function interleave(f: IngestFixture, run: (t: Target) => Promise<LoadResult>): Promise<Rounds> {
  const raw: LoadResult[] = [];
  const braid: LoadResult[] = [];
  for (let r = 0; r < f.opts.rounds; r++) {
    const order = r % 2 === 0 ? [f.raw, f.braid] : [f.braid, f.raw];
    for (const t of order) (t.name === 'raw' ? raw : braid).push(await run(t));
  }
  return { raw, braid, med: (target, pick) => median((target === 'raw' ? raw : braid).map(pick)) };
}

/**
 * Suffix for messages that never reached every socket within the drain bound, and webhook answers
 * that were errors or hit the request bound (such a message is usually undelivered too: the two
 * counts overlap, they are not added).
 */
export function lost(rs: LoadResult[]): string {
  const missing = rs.reduce((s, r) => s + r.missing, 0);
  const errors = rs.reduce((s, r) => s + r.errors, 0);
  if (missing === 0 && errors === 0) return '';
  return ` (${missing} undelivered, ${errors} webhook errors/timeouts, over ${rs.length} round(s))`;
}
