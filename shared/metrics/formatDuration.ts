/**
 * Compact, localised durations for waiting clocks and SLA countdowns ("3m", "2h 5m",
 * "1d 4h" in English; "2小时5分钟" in Chinese), built from Intl unit formats so every
 * locale's words and joining rules come from ICU rather than from us.
 */

/** Width of the unit labels: 'narrow' (default, "2h 5m") or 'short' ("2 hr, 5 min"). */
export type DurationStyle = 'narrow' | 'short';

type Unit = 'day' | 'hour' | 'minute' | 'second';

const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function unitFormat(locale: string, unit: Unit, style: DurationStyle): Intl.NumberFormat {
  const key = `${locale}|${unit}|${style}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: style });
    numberFormats.set(key, format);
  }
  return format;
}

function listFormat(locale: string, style: DurationStyle): Intl.ListFormat {
  const key = `${locale}|${style}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'unit', style });
    listFormats.set(key, format);
  }
  return format;
}

/** The (at most two) largest non-zero units of a non-negative duration, truncated, never rounded up. */
function splitDuration(ms: number): Array<[number, Unit]> {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days > 0)
    return [
      [days, 'day'],
      [hours % 24, 'hour'],
    ];
  if (hours > 0)
    return [
      [hours, 'hour'],
      [minutes % 60, 'minute'],
    ];
  if (minutes > 0) return [[minutes, 'minute']];
  return [[seconds, 'second']];
}

/**
 * Compact human duration: seconds under a minute, then minutes, "h min" under a day and
 * "d h" beyond; a zero second unit is dropped ("2h", not "2h 0m"). Values are truncated so
 * a waiting clock never shows more than has elapsed; negative durations get a minus sign.
 */
export function formatDuration(ms: number, locale: string, style: DurationStyle = 'narrow'): string {
  const safe = Number.isFinite(ms) ? ms : 0;
  const parts = splitDuration(Math.abs(safe)).filter(([value], i) => i === 0 || value > 0);
  const sign = safe < 0 && parts[0][0] > 0 ? -1 : 1;
  const texts = parts.map(([value, unit], i) => unitFormat(locale, unit, style).format(i === 0 ? sign * value : value));
  return listFormat(locale, style).format(texts);
}

/** How long a customer has been waiting at `now` (0 when not waiting or clocks disagree). */
export function waitingMs(since: number | null, now: number): number {
  return since === null ? 0 : Math.max(0, now - since);
}
