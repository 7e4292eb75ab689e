/**
 * Business-hours arithmetic on epoch milliseconds, DST-correct for any IANA zone. Days are
 * walked one local day at a time, but whole weeks without a DST change are added from
 * precomputed per-weekday totals, so multi-year spans cost ~one conversion per week.
 */
import {
  compileSchedule,
  dayIntervals,
  holidayMsBetween,
  type BusinessSchedule,
  type CompiledSchedule,
} from './schedule';
import { DAY_MS, localDayOf, localMidnight } from './timeZone';

export type { BusinessSchedule, Weekday } from './schedule';
export { scheduleProblems } from './schedule';

const WEEK_MS = 7 * DAY_MS;
/** addBusinessMs gives up (returns Infinity) after scanning this many local days. */
const MAX_SCAN_DAYS = 366 * 200;

/**
 * Walks whole local days from `firstDay`, tracking midnights so each day costs one
 * conversion. A week is "plain" when its end is exactly 7×24 h after its start, i.e. no
 * DST change inside (assumes a zone never changes offset twice within one week).
 */
class DayWalker {
  day: number;
  midnight: number;
  private slowUntil: number;

  constructor(
    private readonly c: CompiledSchedule,
    firstDay: number,
  ) {
    this.day = firstDay;
    this.midnight = localMidnight(firstDay, c.timeZone);
    this.slowUntil = firstDay;
  }

  /** Business ms of the next 7 days when they form a plain week, else null (nothing consumed). */
  peekPlainWeek(): { ms: number; end: number } | null {
    if (this.day < this.slowUntil) return null;
    const end = localMidnight(this.day + 7, this.c.timeZone);
    if (end - this.midnight !== WEEK_MS) {
      this.slowUntil = this.day + 7;
      return null;
    }
    return { ms: this.c.weekTotalMs - holidayMsBetween(this.c, this.day, this.day + 7), end };
  }

  /** Move past a plain week returned by peekPlainWeek. */
  skipWeek(end: number): void {
    this.day += 7;
    this.midnight = end;
  }

  /** Open intervals of the current day, then advance to the next day. */
  takeDay(): Array<[number, number]> {
    const next = localMidnight(this.day + 1, this.c.timeZone);
    const intervals = dayIntervals(this.c, this.day, this.midnight, next);
    this.day += 1;
    this.midnight = next;
    return intervals;
  }
}

function clippedMs(intervals: Array<[number, number]>, start: number, end: number): number {
  let total = 0;
  for (const [from, to] of intervals) total += Math.max(0, Math.min(to, end) - Math.max(from, start));
  return total;
}

/** True when instant `t` falls inside an open window of the schedule (windows are [open, close)). */
export function isWithinBusinessHours(t: number, s: BusinessSchedule): boolean {
  const c = compileSchedule(s);
  const day = localDayOf(t, c.timeZone);
  return dayIntervals(c, day).some(([from, to]) => t >= from && t < to);
}

/** Business time elapsed in [start, end), in ms; 0 when end ≤ start. */
export function businessMsBetween(start: number, end: number, s: BusinessSchedule): number {
  if (!(end > start)) return 0;
  const c = compileSchedule(s);
  if (c.weekTotalMs === 0) return 0;
  const firstDay = localDayOf(start, c.timeZone);
  const lastDay = localDayOf(end, c.timeZone);
  let total = clippedMs(dayIntervals(c, firstDay), start, end);
  if (lastDay === firstDay) return total;
  total += clippedMs(dayIntervals(c, lastDay), start, end);
  const walker = new DayWalker(c, firstDay + 1);
  while (walker.day < lastDay) {
    const week = lastDay - walker.day >= 7 ? walker.peekPlainWeek() : null;
    if (week) {
      total += week.ms;
      walker.skipWeek(week.end);
    } else {
      total += clippedMs(walker.takeDay(), start, end);
    }
  }
  return total;
}

/**
 * The instant at which `ms` of business time has elapsed after `start` (an SLA due time).
 * When the budget runs out exactly at a closing time, that closing instant is returned.
 * Returns `start` for ms ≤ 0 and Infinity when the schedule never opens.
 */
export function addBusinessMs(start: number, ms: number, s: BusinessSchedule): number {
  if (!(ms > 0)) return start;
  const c = compileSchedule(s);
  if (c.weekTotalMs === 0) return Infinity;
  let remaining = ms;
  const firstDay = localDayOf(start, c.timeZone);
  for (const [from, to] of dayIntervals(c, firstDay)) {
    const open = Math.max(from, start);
    if (to <= open) continue;
    if (remaining <= to - open) return open + remaining;
    remaining -= to - open;
  }
  const walker = new DayWalker(c, firstDay + 1);
  while (walker.day - firstDay < MAX_SCAN_DAYS) {
    const week = walker.peekPlainWeek();
    // Skip only when strictly more remains: an exact fit ends at a closing time inside the week.
    if (week && remaining > week.ms) {
      remaining -= week.ms;
      walker.skipWeek(week.end);
      continue;
    }
    for (const [from, to] of walker.takeDay()) {
      if (remaining <= to - from) return from + remaining;
      remaining -= to - from;
    }
  }
  return Infinity;
}

/** `t` itself when open, else the next opening instant; null when the schedule never opens. */
export function nextBusinessOpen(t: number, s: BusinessSchedule): number | null {
  const c = compileSchedule(s);
  if (c.weekTotalMs === 0) return null;
  let day = localDayOf(t, c.timeZone);
  // Closed stretches last at most 6 closed weekdays plus every holiday (+ slack for DST gaps).
  const lastDay = day + c.holidays.size + 14;
  for (; day <= lastDay; day++) {
    for (const [from, to] of dayIntervals(c, day)) {
      if (to > t) return Math.max(from, t);
    }
  }
  return null;
}
