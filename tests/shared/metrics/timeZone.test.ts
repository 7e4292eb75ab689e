import { describe, it, expect } from 'vitest';
import {
  isoDateToDay,
  localDayOf,
  localMidnight,
  wallToInstant,
  weekdayOfDay,
  zoneOffsetMs,
} from '#shared/metrics/timeZone';

const H = 3_600_000;
/** Month is 1-based here, unlike Date.UTC. */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('zoneOffsetMs', () => {
  it('reads standard and summer offsets', () => {
    expect(zoneOffsetMs(utc(2026, 1, 15, 12), 'Europe/Warsaw')).toBe(1 * H); // CET
    expect(zoneOffsetMs(utc(2026, 7, 15, 12), 'Europe/Warsaw')).toBe(2 * H); // CEST
    expect(zoneOffsetMs(utc(2026, 1, 15, 12), 'America/New_York')).toBe(-5 * H); // EST
    expect(zoneOffsetMs(utc(2026, 7, 15, 12), 'Asia/Bangkok')).toBe(7 * H); // ICT, no DST
  });

  it('switches exactly at the transition instant (Warsaw 2026-03-29 01:00 UTC)', () => {
    expect(zoneOffsetMs(utc(2026, 3, 29, 1) - 1000, 'Europe/Warsaw')).toBe(1 * H);
    expect(zoneOffsetMs(utc(2026, 3, 29, 1), 'Europe/Warsaw')).toBe(2 * H);
  });
});

describe('wallToInstant', () => {
  it('converts an ordinary wall time with the offset in force', () => {
    // 2026-01-05 09:00 CET (UTC+1) = 08:00 UTC
    expect(wallToInstant(utc(2026, 1, 5, 9), 'Europe/Warsaw')).toBe(utc(2026, 1, 5, 8));
  });

  it('maps a time skipped by spring-forward to the first instant after the gap', () => {
    // Warsaw 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00 UTC; 02:30 never happens.
    expect(wallToInstant(utc(2026, 3, 29, 2, 30), 'Europe/Warsaw')).toBe(utc(2026, 3, 29, 1));
    // New York 2026-03-08: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
    expect(wallToInstant(utc(2026, 3, 8, 2, 30), 'America/New_York')).toBe(utc(2026, 3, 8, 7));
  });

  it('maps a time repeated by fall-back to its earlier occurrence', () => {
    // Warsaw 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:30 first happens at 00:30 UTC (CEST).
    expect(wallToInstant(utc(2026, 10, 25, 2, 30), 'Europe/Warsaw')).toBe(utc(2026, 10, 25, 0, 30));
    // New York 2026-11-01: 01:30 first happens in EDT (UTC-4) = 05:30 UTC.
    expect(wallToInstant(utc(2026, 11, 1, 1, 30), 'America/New_York')).toBe(utc(2026, 11, 1, 5, 30));
  });
});

describe('local days', () => {
  it('numbers local dates and their weekdays', () => {
    const day = isoDateToDay('2026-01-05') as number;
    expect(weekdayOfDay(day)).toBe(1); // Monday
    expect(weekdayOfDay(isoDateToDay('1970-01-01') as number)).toBe(4); // Thursday
    expect(isoDateToDay('2026-02-30')).toBeNull();
    expect(isoDateToDay('5 Jan')).toBeNull();
  });

  it('finds the local day of an instant in a zone ahead of UTC', () => {
    // 2026-01-05 20:00 UTC is already Tuesday 03:00 in Bangkok (UTC+7).
    expect(localDayOf(utc(2026, 1, 5, 20), 'Asia/Bangkok')).toBe(isoDateToDay('2026-01-06'));
    // Bangkok midnight of 2026-01-06 = 2026-01-05 17:00 UTC.
    expect(localMidnight(isoDateToDay('2026-01-06') as number, 'Asia/Bangkok')).toBe(utc(2026, 1, 5, 17));
  });
});
