import { describe, it, expect } from 'vitest';
import {
  addBusinessMs,
  businessMsBetween,
  isWithinBusinessHours,
  nextBusinessOpen,
  scheduleProblems,
  type BusinessSchedule,
} from '#shared/metrics/businessHours';

const MIN = 60_000;
const H = 3_600_000;
/** Month is 1-based here, unlike Date.UTC. */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const nineToFive: Array<[string, string]> = [['09:00', '17:00']];
const weekdays = (zone: string, ranges = nineToFive, holidays: string[] = []): BusinessSchedule => ({
  timeZone: zone,
  weekly: { 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges },
  holidays,
});
const everyDay = (zone: string, ranges: Array<[string, string]>): BusinessSchedule => ({
  timeZone: zone,
  weekly: { 0: ranges, 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges, 6: ranges },
  holidays: [],
});
const warsaw = weekdays('Europe/Warsaw');

describe('businessMsBetween — weekends, holidays, split windows', () => {
  it('skips the weekend (Warsaw, January = CET, UTC+1)', () => {
    // Fri 2026-01-09 15:00 CET (14:00Z) → Mon 2026-01-12 11:00 CET (10:00Z):
    // Fri 15–17 = 2 h, Sat/Sun 0, Mon 9–11 = 2 h → 4 h.
    expect(businessMsBetween(utc(2026, 1, 9, 14), utc(2026, 1, 12, 10), warsaw)).toBe(4 * H);
  });

  it('skips a holiday', () => {
    // Mon 2026-01-05 16:00 CET → Wed 2026-01-07 10:00 CET, Tue 06 is a holiday:
    // Mon 16–17 = 1 h, Tue 0, Wed 9–10 = 1 h → 2 h (10 h without the holiday).
    const withHoliday = weekdays('Europe/Warsaw', nineToFive, ['2026-01-06']);
    expect(businessMsBetween(utc(2026, 1, 5, 15), utc(2026, 1, 7, 9), withHoliday)).toBe(2 * H);
    expect(businessMsBetween(utc(2026, 1, 5, 15), utc(2026, 1, 7, 9), warsaw)).toBe(10 * H);
  });

  it('handles two windows a day with a lunch break', () => {
    const split = weekdays('UTC', [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]);
    // Mon 11:00 → Mon 14:00: 11–12 = 1 h, lunch 0, 13–14 = 1 h → 2 h.
    expect(businessMsBetween(utc(2026, 1, 5, 11), utc(2026, 1, 5, 14), split)).toBe(2 * H);
    // Mon 10:30 → Tue 12:30: Mon 10:30–12 = 1.5 h + 13–17 = 4 h; Tue 9–12 = 3 h → 8.5 h.
    expect(businessMsBetween(utc(2026, 1, 5, 10, 30), utc(2026, 1, 6, 12, 30), split)).toBe(8.5 * H);
    expect(isWithinBusinessHours(utc(2026, 1, 5, 12, 30), split)).toBe(false);
  });

  it('counts in the schedule zone, not UTC (Asia/Bangkok, UTC+7, no DST)', () => {
    const bangkok = weekdays('Asia/Bangkok', [['09:00', '18:00']]);
    // Mon 2026-01-05 00:00Z = 07:00 ICT → 12:00Z = 19:00 ICT: open 09:00–18:00 → 9 h.
    expect(businessMsBetween(utc(2026, 1, 5, 0), utc(2026, 1, 5, 12), bangkok)).toBe(9 * H);
    // Mon 20:00Z is already Tue 03:00 ICT; → Tue 03:00Z = Tue 10:00 ICT: 09–10 = 1 h.
    expect(businessMsBetween(utc(2026, 1, 5, 20), utc(2026, 1, 6, 3), bangkok)).toBe(1 * H);
    // Fri 2026-01-09 10:00Z = 17:00 ICT → Mon 03:00Z = 10:00 ICT: 1 h + 1 h = 2 h.
    expect(businessMsBetween(utc(2026, 1, 9, 10), utc(2026, 1, 12, 3), bangkok)).toBe(2 * H);
    expect(isWithinBusinessHours(utc(2026, 1, 5, 2), bangkok)).toBe(true); // Mon 09:00 ICT
    expect(isWithinBusinessHours(utc(2026, 1, 5, 1, 59), bangkok)).toBe(false); // 08:59 ICT
  });

  it('returns 0 for empty or reversed spans', () => {
    expect(businessMsBetween(utc(2026, 1, 5, 10), utc(2026, 1, 5, 10), warsaw)).toBe(0);
    expect(businessMsBetween(utc(2026, 1, 5, 12), utc(2026, 1, 5, 10), warsaw)).toBe(0);
  });
});

describe('businessMsBetween — DST changes', () => {
  it('Warsaw spring forward (2026-03-29 02:00 CET → 03:00 CEST)', () => {
    // A 09:00–17:00 day is still 8 h: Sat 28 00:00 CET (27th 23:00Z) → Mon 30 00:00 CEST (29th 22:00Z) = 8 + 8.
    const daily = everyDay('Europe/Warsaw', nineToFive);
    expect(businessMsBetween(utc(2026, 3, 27, 23), utc(2026, 3, 29, 22), daily)).toBe(16 * H);
    // Sunday 09:00 CEST = 07:00Z, 17:00 CEST = 15:00Z.
    expect(isWithinBusinessHours(utc(2026, 3, 29, 7), daily)).toBe(true);
    expect(isWithinBusinessHours(utc(2026, 3, 29, 6, 59), daily)).toBe(false);
    // A whole-day window lasts 23 h: 00:00 CET (28th 23:00Z) → 24:00 CEST (29th 22:00Z).
    const allDay = everyDay('Europe/Warsaw', [['00:00', '24:00']]);
    expect(businessMsBetween(utc(2026, 3, 28, 23), utc(2026, 3, 29, 22), allDay)).toBe(23 * H);
    // 01:00–05:00 spans the gap: 01:00 CET = 00:00Z → 05:00 CEST = 03:00Z → 3 h.
    const night = everyDay('Europe/Warsaw', [['01:00', '05:00']]);
    // (Span: Sun 00:00 CET = 28th 23:00Z → Mon 00:00 CEST = 29th 22:00Z, so Monday's window is excluded.)
    expect(businessMsBetween(utc(2026, 3, 28, 23), utc(2026, 3, 29, 22), night)).toBe(3 * H);
    // Mon–Fri across the DST weekend: Fri 27 09:00 CET (08:00Z) → Mon 30 17:00 CEST (15:00Z) = 8 + 8.
    expect(businessMsBetween(utc(2026, 3, 27, 8), utc(2026, 3, 30, 15), warsaw)).toBe(16 * H);
  });

  it('Warsaw fall back (2026-10-25 03:00 CEST → 02:00 CET)', () => {
    // Sunday 09:00–17:00 CET = 08:00Z–16:00Z → 8 h.
    const daily = everyDay('Europe/Warsaw', nineToFive);
    expect(businessMsBetween(utc(2026, 10, 24, 22), utc(2026, 10, 25, 23), daily)).toBe(8 * H);
    // Whole day: 00:00 CEST (24th 22:00Z) → 24:00 CET (25th 23:00Z) = 25 h.
    const allDay = everyDay('Europe/Warsaw', [['00:00', '24:00']]);
    expect(businessMsBetween(utc(2026, 10, 24, 22), utc(2026, 10, 25, 23), allDay)).toBe(25 * H);
    // 01:00–05:00 spans the overlap: 01:00 CEST = 24th 23:00Z → 05:00 CET = 04:00Z → 5 h.
    const night = everyDay('Europe/Warsaw', [['01:00', '05:00']]);
    expect(businessMsBetween(utc(2026, 10, 24, 22), utc(2026, 10, 25, 23), night)).toBe(5 * H);
  });

  it('New York spring forward (2026-03-08 02:00 EST → 03:00 EDT)', () => {
    // Whole day: 00:00 EST = 05:00Z → 24:00 EDT = 9th 04:00Z → 23 h.
    const allDay = everyDay('America/New_York', [['00:00', '24:00']]);
    expect(businessMsBetween(utc(2026, 3, 8, 5), utc(2026, 3, 9, 4), allDay)).toBe(23 * H);
    // 01:00 EST = 06:00Z → 05:00 EDT = 09:00Z → 3 h.
    const night = everyDay('America/New_York', [['01:00', '05:00']]);
    expect(businessMsBetween(utc(2026, 3, 8, 0), utc(2026, 3, 9, 0), night)).toBe(3 * H);
    // A window opening inside the gap opens when the gap ends: 02:30 → 03:00 EDT (07:00Z) → 04:00 EDT (08:00Z) = 1 h.
    const fromGap = everyDay('America/New_York', [['02:30', '04:00']]);
    expect(businessMsBetween(utc(2026, 3, 8, 0), utc(2026, 3, 9, 0), fromGap)).toBe(1 * H);
    // 9–5 is untouched: Sun 09:00 EDT (13:00Z) → 17:00 EDT (21:00Z) = 8 h.
    const daily = everyDay('America/New_York', nineToFive);
    expect(businessMsBetween(utc(2026, 3, 8, 5), utc(2026, 3, 9, 4), daily)).toBe(8 * H);
  });

  it('New York fall back (2026-11-01 02:00 EDT → 01:00 EST)', () => {
    // Whole day: 00:00 EDT = 04:00Z → 24:00 EST = 2nd 05:00Z → 25 h.
    const allDay = everyDay('America/New_York', [['00:00', '24:00']]);
    expect(businessMsBetween(utc(2026, 11, 1, 4), utc(2026, 11, 2, 5), allDay)).toBe(25 * H);
    // 00:30 EDT = 04:30Z → 03:00 EST = 08:00Z → 3.5 h.
    const night = everyDay('America/New_York', [['00:30', '03:00']]);
    expect(businessMsBetween(utc(2026, 11, 1, 0), utc(2026, 11, 2, 0), night)).toBe(3.5 * H);
    // A repeated opening time uses its first occurrence: 01:30 EDT = 05:30Z → 04:00 EST = 09:00Z → 3.5 h.
    const fromOverlap = everyDay('America/New_York', [['01:30', '04:00']]);
    expect(businessMsBetween(utc(2026, 11, 1, 0), utc(2026, 11, 2, 0), fromOverlap)).toBe(3.5 * H);
  });

  it('stays exact over two years with holidays (week-skipping path)', () => {
    // Mon 2025-01-06 00:00 CET (05th 23:00Z) → Mon 2027-01-04 00:00 CET (03rd 23:00Z) = 104 weeks.
    // 104 × 5 × 8 h = 4160 h; minus three weekday holidays (Tue, Thu, Fri) = 4136 h.
    const start = utc(2025, 1, 5, 23);
    const end = utc(2027, 1, 3, 23);
    const holidays = ['2025-11-11', '2026-01-01', '2026-12-25'];
    expect(businessMsBetween(start, end, warsaw)).toBe(4160 * H);
    expect(businessMsBetween(start, end, weekdays('Europe/Warsaw', nineToFive, holidays))).toBe(4136 * H);
    // Always-open schedule equals calendar time: both DST years net to zero, 728 × 24 h.
    expect(businessMsBetween(start, end, everyDay('Europe/Warsaw', [['00:00', '24:00']]))).toBe(728 * 24 * H);
  });
});

describe('addBusinessMs', () => {
  it('rolls over the weekend and the DST change', () => {
    // Fri 2026-03-27 16:00 CET (15:00Z) + 3 h: Fri 1 h, Mon 30 09:00–11:00 CEST (07:00Z–09:00Z).
    expect(addBusinessMs(utc(2026, 3, 27, 15), 3 * H, warsaw)).toBe(utc(2026, 3, 30, 9));
  });

  it('ends on a closing time when the budget fits exactly, skipping holidays', () => {
    // Mon 2026-01-05 09:00 CET (08:00Z) + 16 h with Tue a holiday: Mon 8 h, Wed 8 h → Wed 17:00 CET (16:00Z).
    const withHoliday = weekdays('Europe/Warsaw', nineToFive, ['2026-01-06']);
    expect(addBusinessMs(utc(2026, 1, 5, 8), 16 * H, withHoliday)).toBe(utc(2026, 1, 7, 16));
  });

  it('starts counting at the next opening when started while closed', () => {
    // Sat 2026-01-10 12:00 CET + 30 min → Mon 09:30 CET (08:30Z).
    expect(addBusinessMs(utc(2026, 1, 10, 11), 30 * MIN, warsaw)).toBe(utc(2026, 1, 12, 8, 30));
  });

  it('inverts businessMsBetween over two years', () => {
    // 4160 h from Mon 2025-01-06 00:00 CET ends at the last close: Fri 2027-01-01 17:00 CET (16:00Z).
    expect(addBusinessMs(utc(2025, 1, 5, 23), 4160 * H, warsaw)).toBe(utc(2027, 1, 1, 16));
  });

  it('handles zero budgets and schedules that never open', () => {
    expect(addBusinessMs(utc(2026, 1, 10, 11), 0, warsaw)).toBe(utc(2026, 1, 10, 11));
    const closed: BusinessSchedule = { timeZone: 'UTC', weekly: {}, holidays: [] };
    expect(addBusinessMs(utc(2026, 1, 10, 11), H, closed)).toBe(Infinity);
  });
});

describe('nextBusinessOpen and validation', () => {
  it('returns t when open, the next opening otherwise, null when never open', () => {
    expect(nextBusinessOpen(utc(2026, 1, 5, 10), warsaw)).toBe(utc(2026, 1, 5, 10));
    // Sat 2026-01-10 12:00 CET → Mon 09:00 CET (08:00Z).
    expect(nextBusinessOpen(utc(2026, 1, 10, 11), warsaw)).toBe(utc(2026, 1, 12, 8));
    // Exactly at closing (17:00 CET = 16:00Z) is closed: next is Tue 09:00 CET.
    expect(nextBusinessOpen(utc(2026, 1, 5, 16), warsaw)).toBe(utc(2026, 1, 6, 8));
    // Fri before a Monday holiday → Tue 2026-01-13 09:00 CET.
    const withHoliday = weekdays('Europe/Warsaw', nineToFive, ['2026-01-12']);
    expect(nextBusinessOpen(utc(2026, 1, 9, 17), withHoliday)).toBe(utc(2026, 1, 13, 8));
    expect(nextBusinessOpen(utc(2026, 1, 9, 17), { timeZone: 'UTC', weekly: {}, holidays: [] })).toBeNull();
  });

  it('reports and rejects malformed schedules', () => {
    const bad: BusinessSchedule = {
      timeZone: 'Mars/Olympus',
      weekly: {
        1: [
          ['17:00', '09:00'],
          ['9am', '5pm'],
        ],
      },
      holidays: ['2026-13-01'],
    };
    expect(scheduleProblems(bad)).toHaveLength(4);
    expect(scheduleProblems(warsaw)).toEqual([]);
    expect(() => businessMsBetween(0, H, bad)).toThrow(RangeError);
  });
});
