import type { TFunction } from 'i18next';
import { clearanceForecast, lastHour } from '#shared/liveBoard';
import type { BoardMinute, QueueTile } from '#shared/schemas/liveBoard';
import type { Formatters } from '#client/i18n/format';

/** Every tile the board can show, in board order (wall mode shows a chosen subset). */
export const TILE_KEYS = [
  'waiting',
  'oldest',
  'median',
  'unassigned',
  'slaRisk',
  'slaBreached',
  'open',
  'pending',
  'snoozed',
  'arrivals',
  'resolutions',
  'forecast',
] as const;
/** One tile's key. */
export type TileKey = (typeof TILE_KEYS)[number];

/** A tile as shown: its label, its value as text, and how worrying it is. */
export interface TileView {
  key: TileKey;
  label: string;
  value: string;
  tone: 'ok' | 'warn' | 'late';
  /** A phrase rather than a figure (set in smaller type so it fits a tile). */
  text?: boolean;
}

const WARN_MS = 15 * 60_000;
const LATE_MS = 60 * 60_000;

function waitTone(ms: number | null): TileView['tone'] {
  if (ms === null) return 'ok';
  return ms >= LATE_MS ? 'late' : ms >= WARN_MS ? 'warn' : 'ok';
}

/**
 * The tiles of one queue at `now`: counts, waits (live, from "waiting since"), the last hour and
 * the clearance forecast as a time in the team's zone (the viewer's when the team has none).
 */
export function tileViews(
  q: QueueTile,
  minutes: readonly BoardMinute[],
  timeZone: string | null,
  now: number,
  f: Formatters,
  t: TFunction,
): TileView[] {
  const none = t('board.tiles.none');
  const wait = (since: number | null) => (since === null ? null : Math.max(0, now - since));
  const oldest = wait(q.oldestWaitingSince);
  const median = wait(q.medianWaitingSince);
  const hour = lastHour(minutes, now);
  const fc = clearanceForecast(q.waiting, hour, now);
  const at = fc.kind === 'at' ? ((timeZone && f.zoneTime(fc.at, timeZone)) ?? f.time(fc.at)) : '';
  const forecast =
    fc.kind === 'clear'
      ? t('board.forecast.clear')
      : fc.kind === 'growing'
        ? t('board.forecast.growing')
        : t('board.forecast.at', { time: at });
  const n = (v: number) => String(v);
  const views: Record<TileKey, Omit<TileView, 'key' | 'label'>> = {
    waiting: { value: n(q.waiting), tone: waitTone(oldest) },
    oldest: { value: oldest === null ? none : f.duration(oldest), tone: waitTone(oldest) },
    median: { value: median === null ? none : f.duration(median), tone: waitTone(median) },
    unassigned: { value: n(q.unassigned), tone: q.unassigned > 0 ? 'warn' : 'ok' },
    slaRisk: { value: n(q.slaAtRisk), tone: q.slaAtRisk > 0 ? 'warn' : 'ok' },
    slaBreached: { value: n(q.slaBreached), tone: q.slaBreached > 0 ? 'late' : 'ok' },
    open: { value: n(q.open), tone: 'ok' },
    pending: { value: n(q.pending), tone: 'ok' },
    snoozed: { value: n(q.snoozed), tone: 'ok' },
    arrivals: { value: n(hour.arrivals), tone: 'ok' },
    resolutions: { value: n(hour.resolutions), tone: 'ok' },
    forecast: { value: forecast, tone: fc.kind === 'growing' ? 'warn' : 'ok', text: true },
  };
  return TILE_KEYS.map((key) => ({ key, label: t(`board.tiles.${key}`), ...views[key] }));
}
