/**
 * Whether `s` is one of `values`, narrowing it to their type (a readonly tuple's `includes` takes
 * only its own members, so a plain string would need a cast).
 */
export function isOneOf<T extends string>(values: readonly T[], s: unknown): s is T {
  return values.some((v) => v === s);
}
