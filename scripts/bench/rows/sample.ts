import type { As, WorkspaceFixture } from '#scripts/bench/fixtures/workspace';
import { ms, pct } from '#scripts/bench/stats';
import { available } from '#scripts/bench/types';

// Slow endpoints would make a fixed count take minutes: stop after this long (but keep ≥ 10 samples).
const BUDGET_MS = 20_000;

/** Latencies of up to `n` sequential GETs (after 3 unmeasured warm-ups); 404 → n/a, other errors throw. */
export async function sample(f: WorkspaceFixture, as: As, path: (i: number) => string, n: number): Promise<number[]> {
  const out: number[] = [];
  const until = performance.now() + BUDGET_MS;
  for (let i = -3; i < n && (i < 10 || performance.now() < until); i++) {
    const a = available(await f.get(as, path(i)), path(i));
    if (a.timedOut) return [Number.POSITIVE_INFINITY];
    if (a.status !== 200) throw new Error(`GET ${path(i)}: HTTP ${a.status} ${a.body.slice(0, 120)}`);
    if (i >= 0) out.push(a.ms);
  }
  return out;
}

/** "p50 x, p95 y" for a sample; "> N s (timed out)" when it hit the bound. */
export function p50p95(xs: number[], timeoutMs: number): string {
  if (xs.some((x) => !Number.isFinite(x))) return timedOut(timeoutMs);
  return `p50 ${ms(pct(xs, 50))}, p95 ${ms(pct(xs, 95))}`;
}

/** The cell for a request that hit the bound. */
export function timedOut(timeoutMs: number): string {
  return `> ${timeoutMs / 1000} s (timed out)`;
}
