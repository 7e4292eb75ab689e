import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { recordOf } from '#shared/record';
import type { TeamConfig } from '#client/api/teamAdmin';
import { browserTimeZones } from '#client/i18n/format';

/** A weekday as the schedule stores it: '0' = Sunday … '6' = Saturday. */
export type DayKey = '0' | '1' | '2' | '3' | '4' | '5' | '6';
/** Weekdays in the order the editor lists them (Monday first, as business weeks are read). */
export const WEEK: readonly DayKey[] = ['1', '2', '3', '4', '5', '6', '0'];
/** Weekdays in the order of their keys, Sunday first. */
const DAY_KEYS: readonly DayKey[] = ['0', '1', '2', '3', '4', '5', '6'];

/** One opening window being edited, as typed ("09:00"–"17:30"). */
export interface TimeRange {
  from: string;
  to: string;
}

/** The business-hours form: 24/7, or a zone, windows per weekday and closed dates. */
export interface ScheduleDraft {
  open247: boolean;
  timeZone: string;
  days: Record<DayKey, TimeRange[]>;
  holidays: string[];
}

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** What is wrong with a window: not HH:MM, or not ending after it starts. */
export function rangeProblem(r: TimeRange): 'format' | 'order' | null {
  if (!HHMM.test(r.from) || !HHMM.test(r.to)) return 'format';
  // Zero-padded HH:MM strings compare like the times they name ("24:00" last).
  return r.to <= r.from ? 'order' : null;
}

/** True when any window of a scheduled (not 24/7) draft is invalid. */
export function hasScheduleProblems(d: ScheduleDraft): boolean {
  return !d.open247 && WEEK.some((k) => d.days[k].some((r) => rangeProblem(r) !== null));
}

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** IANA zones to choose from (Intl's list lacks "UTC"), keeping the current one even if unlisted. */
export function timeZones(current: string): string[] {
  return [...new Set(['UTC', current, ...browserTimeZones()])].sort((a, b) =>
    a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b),
  );
}

/** The form state for a stored schedule; "always open" starts from office hours in the browser's zone. */
export function scheduleDraftOf(s: TeamConfig['schedule']): ScheduleDraft {
  if (!s) {
    const office = (k: DayKey) => (k === '0' || k === '6' ? [] : [{ from: '09:00', to: '17:00' }]);
    return {
      open247: true,
      timeZone: browserZone(),
      days: recordOf(WEEK, office),
      holidays: [],
    };
  }
  const days = recordOf(WEEK, (k) => (s.weekly[k] ?? []).map(([from, to]) => ({ from, to })));
  return { open247: false, timeZone: s.timeZone, days, holidays: [...s.holidays].sort() };
}

/** The schedule to send: null for 24/7, else every weekday present (the server schema wants all seven). */
export function scheduleOf(d: ScheduleDraft): BusinessSchedule | null {
  if (d.open247) return null;
  const weekly = recordOf(DAY_KEYS, (k) => d.days[k].map((r): [string, string] => [r.from, r.to]));
  return { timeZone: d.timeZone, weekly, holidays: d.holidays };
}

/** Localised weekday names by key ("1" → "Monday"), capitalised for use as row labels. */
export function weekdayNames(locale: string): Record<DayKey, string> {
  const f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-07 was a Sunday, so day n of that week has key n.
  const name = (n: number) => {
    const s = f.format(Date.UTC(2024, 0, 7 + n));
    return s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);
  };
  return recordOf(DAY_KEYS, (k) => name(Number(k)));
}
