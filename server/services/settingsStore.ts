import { settings, teams } from '#server/db/schema';
import type { RoutingDto } from '#shared/schemas/routing';
import { HttpError } from '#server/errors';
import type { Reader } from './threadQueries';
import type { Tx } from './tx';
import type { Db } from '#server/db/connection';
import { statements } from '#server/db/statements';

/** Read a JSON setting, or the fallback when unset. */
export function getSetting<T>(r: Reader, key: string, fallback: T): T {
  const row = statements(r).setting.get({ key });
  return row ? (row.value as T) : fallback;
}

/** Write a JSON setting (insert or replace). */
export function setSetting(w: Db | Tx, key: string, value: unknown): void {
  w.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

/** Where new threads go: a default team and optional per-channel teams (shared/schemas/routing.ts). */
export type RoutingSettings = RoutingDto;

/** The routing as stored (nothing routed when never set). */
export function getRouting(r: Reader): RoutingSettings {
  return getSetting<RoutingSettings>(r, 'routing', { defaultTeamId: null, byChannel: {} });
}

/** Team a new thread from `channel` is routed to. */
export function routeTeam(r: Reader, channel: string): number | null {
  const routing = getRouting(r);
  return routing.byChannel[channel as keyof RoutingSettings['byChannel']] ?? routing.defaultTeamId ?? null;
}

/** Replace the routing; every team it names must exist (400 otherwise). Threads already open keep their team. */
export function setRouting(db: Db, routing: RoutingSettings): RoutingSettings {
  const named = [routing.defaultTeamId, ...Object.values(routing.byChannel)].filter((x) => x != null);
  const known = new Set(
    db
      .select({ id: teams.id })
      .from(teams)
      .all()
      .map((t) => t.id),
  );
  const unknown = [...new Set(named.filter((id) => !known.has(id)))];
  if (unknown.length > 0) throw new HttpError(400, `no such team: ${unknown.join(', ')}`);
  setSetting(db, 'routing', routing);
  return getRouting(db);
}
