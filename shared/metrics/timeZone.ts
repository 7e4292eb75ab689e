/**
 * Local wall clock ↔ instant conversion for IANA time zones using only Intl, so the same
 * code runs on the server and in the browser. A "wall" value is the local date-time
 * encoded as if it were UTC milliseconds; a "day" is a local calendar date counted in
 * days since 1970-01-01.
 */

/** Milliseconds in a 24-hour calendar day (not necessarily a local day: DST days are 23/25 h). */
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
// `format` + a regex is ~5x faster than `formatToParts`, which matters for multi-year spans.
const WALL_PATTERN = /(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)/;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

// Offsets already read, per zone and whole second: SLA and business-hours maths asks for the same
// instants (day boundaries, "now") for every thread of a page, and each Intl read costs ~10 µs.
// Exact (keyed by the second itself); bounded by starting over when a zone's map grows large.
const offsets = new Map<string, Map<number, number>>();
const OFFSETS_PER_ZONE = 20_000;

/** Offset of the zone from UTC at instant `t`, in ms, so that local wall time = t + offset. */
export function zoneOffsetMs(t: number, timeZone: string): number {
  const wholeSecond = Math.floor(t / 1000) * 1000;
  let known = offsets.get(timeZone);
  const hit = known?.get(wholeSecond);
  if (hit !== undefined) return hit;
  const match = WALL_PATTERN.exec(formatterFor(timeZone).format(wholeSecond));
  if (!match) throw new RangeError(`Cannot read local time in zone ${timeZone}`);
  const [month, day, year, hour, minute, second] = match.slice(1).map(Number);
  // `% 24` guards against engines that print midnight as "24" despite hourCycle h23.
  const wall = Date.UTC(year, month - 1, day, hour % 24, minute, second);
  if (!known || known.size >= OFFSETS_PER_ZONE) offsets.set(timeZone, (known = new Map()));
  known.set(wholeSecond, wall - wholeSecond);
  return wall - wholeSecond;
}

/** Local wall-clock value (local date-time encoded as UTC ms) of instant `t` in the zone. */
export function instantToWall(t: number, timeZone: string): number {
  return t + zoneOffsetMs(t, timeZone);
}

/** Local calendar day number (days since 1970-01-01) that instant `t` falls on in the zone. */
export function localDayOf(t: number, timeZone: string): number {
  return Math.floor(instantToWall(t, timeZone) / DAY_MS);
}

/**
 * Instant at which the zone's wall clock shows `wall`. A time repeated by a fall-back
 * overlap maps to its earlier occurrence; a time skipped by a spring-forward gap maps to the
 * first instant after the gap, so a window [open, close) always covers exactly the instants
 * whose wall time lies in it (a window ending at 02:30 in a 02:00→03:00 gap ends at 03:00).
 */
export function wallToInstant(wall: number, timeZone: string): number {
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  // Fast path: no offset change within a day either side (assumes ≤ 1 transition per 48 h).
  if (before === after) return wall - before;
  const earlier = wall - Math.max(before, after);
  const later = wall - Math.min(before, after);
  if (zoneOffsetMs(earlier, timeZone) === wall - earlier) return earlier;
  if (zoneOffsetMs(later, timeZone) === wall - later) return later;
  return transitionInstant(wall - after, wall - before, timeZone, after);
}

/** First whole second in [lo, hi] whose offset is already `offsetAfter` (binary search). */
function transitionInstant(lo: number, hi: number, timeZone: string, offsetAfter: number): number {
  let low = Math.floor(lo / 1000);
  let high = Math.ceil(hi / 1000);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (zoneOffsetMs(mid * 1000, timeZone) === offsetAfter) high = mid;
    else low = mid + 1;
  }
  return high * 1000;
}

// Local midnights are asked for again and again (every SLA clock walks the same days); the
// answer never changes, so remember it per zone and day (bounded per zone, cleared wholesale when
// full). A map per zone keyed by the day number: no string key is built on the hot path.
const midnights = new Map<string, Map<number, number>>();
const MIDNIGHTS_PER_ZONE = 50_000;

/** Instant the local day number `day` begins (the first instant after a gap if midnight is skipped). */
export function localMidnight(day: number, timeZone: string): number {
  let known = midnights.get(timeZone);
  let t = known?.get(day);
  if (t === undefined) {
    t = wallToInstant(day * DAY_MS, timeZone);
    if (!known || known.size >= MIDNIGHTS_PER_ZONE) midnights.set(timeZone, (known = new Map()));
    known.set(day, t);
  }
  return t;
}

/** Day of the week of a local day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number of an ISO local date 'YYYY-MM-DD', or null when it is not a real date. */
export function isoDateToDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}
