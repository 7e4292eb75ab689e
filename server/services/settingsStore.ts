import { eq } from 'drizzle-orm';
import { settings } from '#server/db/schema';
import type { Reader } from './threadQueries';
import type { Tx } from './tx';
import type { Db } from '#server/db/connection';

/** Read a JSON setting, or the fallback when unset. */
export function getSetting<T>(r: Reader, key: string, fallback: T): T {
  const row = r.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (row.value as T) : fallback;
}

/** Write a JSON setting (insert or replace). */
export function setSetting(w: Db | Tx, key: string, value: unknown): void {
  w.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** Where new threads go: a default team and optional per-channel teams. */
export interface RoutingSettings {
  defaultTeamId: number | null;
  byChannel: Partial<Record<string, number>>;
}

/** Team a new thread from `channel` is routed to. */
export function routeTeam(r: Reader, channel: string): number | null {
  const routing = getSetting<RoutingSettings>(r, 'routing', { defaultTeamId: null, byChannel: {} });
  return routing.byChannel[channel] ?? routing.defaultTeamId ?? null;
}
