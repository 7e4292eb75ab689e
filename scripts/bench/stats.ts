/** Small statistics and formatting helpers shared by the rows. */

/** The p-th percentile (0–100) of a sample, nearest rank; NaN for an empty sample. */
export function pct(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Median of a sample (NaN when empty): the figure reported over interleaved rounds. */
export function median(xs: readonly number[]): number {
  return pct(xs, 50);
}

/** Milliseconds for the table: µs below 1 ms, seconds from 1 s. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v < 1) return `${(v * 1000).toFixed(0)} µs`;
  if (v >= 1_000) return `${(v / 1000).toFixed(v >= 10_000 ? 1 : 2)} s`;
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
}

/** A rate per second, rounded for the table. */
export function perSec(v: number): string {
  return Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')}/s` : '—';
}

/** Kilobytes from bytes. */
export function kb(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024).toLocaleString('en-US')} KB` : '—';
}

/** Megabytes from bytes. */
export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB` : '—';
}

/** A verdict against a target: "✓ target ≤ 10 ms" or "✗ target ≤ 10 ms". */
export function verdict(ok: boolean, target: string): string {
  return `${ok ? '✓' : '✗'} target ${target}`;
}

/** Sleep without holding anything open longer than needed. */
export function sleep(msDelay: number): Promise<void> {
  return new Promise((r) => setTimeout(r, msDelay));
}
