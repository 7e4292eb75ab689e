/**
 * A record with one entry per key, each value made from its key: typed as a whole, where
 * `Object.fromEntries` gives back a record of any string (the one cast is here, not at each caller).
 */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}
