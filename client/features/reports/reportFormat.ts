import type { Formatters } from '#client/i18n/format';
import type { DecileMetric } from '#shared/schemas/reports';

/** Metrics measured in milliseconds (shown as durations). */
export const DURATION_METRICS: ReadonlySet<string> = new Set(['firstResponse', 'nextResponse', 'resolution']);

/** A share (0–1) as a percentage in the locale ("12.5 %"). */
export function percent(locale: string, x: number | null): string {
  return x === null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x);
}

/**
 * One value of a ranked metric in the locale: durations, percentages, scores, signed changes
 * (`signed` false for a gap, which is a distance).
 */
export function metricValue(f: Formatters, metric: DecileMetric | 'handled', v: number | null, signed = true): string {
  if (v === null) return '—';
  if (DURATION_METRICS.has(metric)) return f.duration(v);
  if (metric === 'reopenRate') return percent(f.locale, v);
  const signDisplay = signed ? 'exceptZero' : 'auto';
  if (metric === 'nps') return new Intl.NumberFormat(f.locale, { signDisplay }).format(v);
  if (metric === 'sentimentLift')
    return new Intl.NumberFormat(f.locale, { signDisplay, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      v,
    );
  if (metric === 'csat' || metric === 'review')
    return new Intl.NumberFormat(f.locale, { maximumFractionDigits: 2 }).format(v);
  return new Intl.NumberFormat(f.locale).format(v);
}

/** Local midnight of a yyyy-mm-dd date input, in epoch ms. */
export function dayStart(value: string): number {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** yyyy-mm-dd of the local day containing `ms`. */
export function dayValue(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
