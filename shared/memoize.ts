/**
 * A pure one-argument function remembered for up to `max` distinct arguments (the memory starts
 * again when full, so it never grows without bound). For hot pure helpers such as phone parsing,
 * which cost tens of microseconds per call and see the same few customers' numbers again and again.
 */
export function memoize<A, R>(fn: (arg: A) => R, max = 10_000): (arg: A) => R {
  const seen = new Map<A, R>();
  return (arg) => {
    if (seen.has(arg)) return seen.get(arg) as R;
    const out = fn(arg);
    if (seen.size >= max) seen.clear();
    seen.set(arg, out);
    return out;
  };
}
