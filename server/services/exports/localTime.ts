import { instantToWall } from '#shared/metrics/timeZone';

/** 'YYYY-MM-DD HH:mm:ss' of an instant on the wall clock of `tz` (empty for null). */
export function localTime(t: number | null, tz: string): string {
  if (t === null) return '';
  return new Date(instantToWall(t, tz)).toISOString().slice(0, 19).replace('T', ' ');
}
