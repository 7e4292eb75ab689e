// Histograms in SQL: the bucket of a value (shared/metrics/durationBuckets.ts) computed by SQLite.
import { sql, type SQL } from 'drizzle-orm';
import { BUCKETS, EDGES } from '#shared/metrics/durationBuckets';

export { BUCKETS, EDGES, bucketBounds, bucketOf } from '#shared/metrics/durationBuckets';

/** The same bucket as `bucketOf`, computed by SQLite for a value expression. */
export function bucketSql(v: SQL): SQL {
  const whens = EDGES.map((e, i) => sql`when ${v} <= ${sql.raw(String(e))} then ${sql.raw(String(i))}`);
  return sql`(case ${sql.join(whens, sql` `)} else ${sql.raw(String(EDGES.length))} end)`;
}

/** Counts per bucket. */
export type Histogram = Uint32Array;

export const emptyHistogram = (): Histogram => new Uint32Array(BUCKETS);
