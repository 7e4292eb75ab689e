/**
 * `id → value` for a set of ids, read with one query (`read` is given the distinct ids) and none at
 * all when there are no ids: the names, texts or titles a listing shows beside the rows it read.
 */
export function mapByIds<V>(ids: Iterable<number>, read: (ids: number[]) => Array<[number, V]>): Map<number, V> {
  const distinct = [...new Set(ids)];
  return new Map(distinct.length === 0 ? [] : read(distinct));
}
