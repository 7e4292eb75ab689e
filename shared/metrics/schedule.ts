import { DAY_MS, isoDateToDay, localMidnight, wallToInstant, weekdayOfDay } from './timeZone';

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A team's opening hours: weekly local windows in one IANA zone, minus whole-day holidays. */
export interface BusinessSchedule {
  /** IANA zone the windows and holidays are expressed in, e.g. 'Europe/Warsaw'. */
  timeZone: string;
  /** Local 'HH:MM' ranges per weekday, e.g. { 1: [['09:00', '17:00']] }; '24:00' is allowed as an end. */
  weekly: Partial<Record<Weekday, Array<[string, string]>>>;
  /** Local dates 'YYYY-MM-DD' that are closed all day. */
  holidays: string[];
}

/** A schedule parsed once into minute windows, per-weekday totals and a holiday set. */
export interface CompiledSchedule {
  timeZone: string;
  /** Per weekday: sorted, merged [openMinute, closeMinute) windows. */
  windows: Array<Array<readonly [number, number]>>;
  /** Per weekday: open time on a day without a DST change, in ms. */
  dayTotalMs: number[];
  /** Sum of dayTotalMs: open time of a whole week without holidays or DST changes. */
  weekTotalMs: number;
  /** Holiday local day numbers. */
  holidays: Set<number>;
}

const compiled = new WeakMap<BusinessSchedule, CompiledSchedule>();

function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Human-readable problems with a schedule (empty when valid), for form and schema validation. */
export function scheduleProblems(s: BusinessSchedule): string[] {
  const problems: string[] = [];
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: s.timeZone });
  } catch {
    problems.push(`unknown time zone '${s.timeZone}'`);
  }
  for (const [weekday, ranges] of Object.entries(s.weekly)) {
    if (!/^[0-6]$/.test(weekday)) problems.push(`weekday '${weekday}' is not 0–6`);
    for (const [open, close] of ranges ?? []) {
      const from = parseClock(open);
      const to = parseClock(close);
      if (from === null || to === null) problems.push(`day ${weekday}: '${open}'–'${close}' is not HH:MM`);
      else if (to <= from) problems.push(`day ${weekday}: '${open}'–'${close}' ends before it starts`);
    }
  }
  for (const holiday of s.holidays) {
    if (isoDateToDay(holiday) === null) problems.push(`holiday '${holiday}' is not YYYY-MM-DD`);
  }
  return problems;
}

function mergeWindows(ranges: Array<[string, string]>): Array<readonly [number, number]> {
  const windows = ranges
    .map(([open, close]) => [parseClock(open) as number, parseClock(close) as number] as const)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [open, close] of windows) {
    const last = merged[merged.length - 1];
    if (last && open <= last[1]) last[1] = Math.max(last[1], close);
    else merged.push([open, close]);
  }
  return merged;
}

/**
 * Parse a schedule once (cached per object, so treat schedules as immutable); throws a
 * RangeError listing every problem because silently ignoring a bad window would skew SLAs.
 */
export function compileSchedule(s: BusinessSchedule): CompiledSchedule {
  const cached = compiled.get(s);
  if (cached) return cached;
  const problems = scheduleProblems(s);
  if (problems.length > 0) throw new RangeError(`Invalid business schedule: ${problems.join('; ')}`);
  const windows = [0, 1, 2, 3, 4, 5, 6].map((d) => mergeWindows(s.weekly[d as Weekday] ?? []));
  const dayTotalMs = windows.map((ws) => ws.reduce((sum, [open, close]) => sum + (close - open) * 60_000, 0));
  const result: CompiledSchedule = {
    timeZone: s.timeZone,
    windows,
    dayTotalMs,
    weekTotalMs: dayTotalMs.reduce((a, b) => a + b, 0),
    holidays: new Set(s.holidays.map((h) => isoDateToDay(h) as number)),
  };
  compiled.set(s, result);
  return result;
}

/**
 * Open intervals [from, to) of one local day as instants. Pass the day's and the next day's
 * midnights when already known to save conversions; when they are exactly 24 h apart the
 * day has no DST change and windows are plain offsets from midnight.
 */
export function dayIntervals(
  c: CompiledSchedule,
  day: number,
  midnight?: number,
  nextMidnight?: number,
): Array<[number, number]> {
  const windows = c.windows[weekdayOfDay(day)];
  if (windows.length === 0 || c.holidays.has(day)) return [];
  const start = midnight ?? localMidnight(day, c.timeZone);
  const end = nextMidnight ?? localMidnight(day + 1, c.timeZone);
  if (end - start === DAY_MS) {
    return windows.map(([open, close]) => [start + open * 60_000, start + close * 60_000]);
  }
  const intervals: Array<[number, number]> = [];
  for (const [open, close] of windows) {
    const from = wallToInstant(day * DAY_MS + open * 60_000, c.timeZone);
    const to = wallToInstant(day * DAY_MS + close * 60_000, c.timeZone);
    // A window lying wholly inside a spring-forward gap has no instants at all.
    if (to > from) intervals.push([from, to]);
  }
  return intervals;
}

/** Open time lost to holidays among the local days [fromDay, toDay), assuming no DST change. */
export function holidayMsBetween(c: CompiledSchedule, fromDay: number, toDay: number): number {
  let lost = 0;
  for (let day = fromDay; day < toDay; day++) {
    if (c.holidays.has(day)) lost += c.dayTotalMs[weekdayOfDay(day)];
  }
  return lost;
}
