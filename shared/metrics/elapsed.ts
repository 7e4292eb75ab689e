/**
 * Elapsed-time helpers that treat a missing schedule as "always open", so callers can pass
 * an optional schedule and get calendar time or business time from the same call.
 */
import { addBusinessMs, businessMsBetween, type BusinessSchedule } from './businessHours';

/** Time elapsed in [start, end): business time under a schedule, calendar time without one. */
export function elapsedMs(start: number, end: number, schedule?: BusinessSchedule | null): number {
  if (schedule) return businessMsBetween(start, end, schedule);
  return Math.max(0, end - start);
}

/** Instant when `ms` of (business, or calendar when no schedule) time has elapsed after start. */
export function addElapsedMs(start: number, ms: number, schedule?: BusinessSchedule | null): number {
  if (schedule) return addBusinessMs(start, ms, schedule);
  return start + Math.max(0, ms);
}
