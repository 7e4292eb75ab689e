import type Database from 'better-sqlite3';
import type { Db } from '#server/db/connection';
import { preparedPerDb } from '#server/db/statements';
import { DAY_MS, localDayOf, wallToInstant } from '#shared/metrics/timeZone';

/** How long an agent's figure is kept when nothing says it changed (a reply fact of a thread they do not hold). */
export const FIRST_RESPONSE_TTL_MS = 60_000;

interface Cached {
  from: number;
  at: number;
  median: number | null;
}

function prepare(sqlite: Database.Database) {
  return {
    // The agent's first responses since the start of their day: a range on reply_facts_agent_idx
    // (agent, at), so it reads today's replies of one agent, never their history.
    today: sqlite
      .prepare<{ id: number; from: number }, number>(
        `select calendar_ms from reply_facts indexed by reply_facts_agent_idx
         where agent_id = :id and at >= :from and is_first = 1 and outcome = 'accepted' and calendar_ms is not null
         order by calendar_ms`,
      )
      .pluck(),
    zones: sqlite.prepare<[], { id: number; businessHours: string | null }>(
      `select id, business_hours as businessHours from teams order by id`,
    ),
  };
}

const stmts = preparedPerDb((db) => prepare(db.$client));
/** Each agent's figure, per database. */
const cacheOf = preparedPerDb(() => new Map<number, Cached>());

/** The IANA zone in a team's business-hours JSON, or null. */
export function zoneOfBusinessHours(businessHours: string | null): string | null {
  if (!businessHours) return null;
  try {
    const tz = (JSON.parse(businessHours) as { timeZone?: unknown } | null)?.timeZone;
    return typeof tz === 'string' ? tz : null;
  } catch {
    return null;
  }
}

/** The instant today began at `now` in a zone (UTC when none or unknown). */
export function startOfDay(now: number, timeZone: string | null): number {
  if (!timeZone) return Math.floor(now / DAY_MS) * DAY_MS;
  try {
    return wallToInstant(localDayOf(now, timeZone) * DAY_MS, timeZone);
  } catch {
    return Math.floor(now / DAY_MS) * DAY_MS;
  }
}

/** The median of sorted values (the mean of the two middle ones for an even count), null for none. */
export function medianOfSorted(values: readonly number[]): number | null {
  const n = values.length;
  if (n === 0) return null;
  return n % 2 === 1 ? values[(n - 1) / 2] : Math.round((values[n / 2 - 1] + values[n / 2]) / 2);
}

/** Forget agents' figures (their threads changed: a reply may have been accepted). */
export function forgetFirstResponses(db: Db, agentIds: Iterable<number>): void {
  const cache = cacheOf(db);
  for (const id of agentIds) cache.delete(id);
}

/**
 * Each agent's first-response median today (calendar time, ms; null with none yet), "today"
 * in the time zone of their first team with business hours (UTC otherwise). Read from reply
 * facts of today only, and kept until the agent's threads change or a minute passes.
 */
export function firstResponseMediansToday(
  db: Db,
  agents: ReadonlyArray<{ id: number; teamIds: readonly number[] }>,
  now: number,
): Map<number, number | null> {
  const s = stmts(db);
  const cache = cacheOf(db);
  const zones = new Map(s.zones.all().map((t) => [t.id, zoneOfBusinessHours(t.businessHours)]));
  const out = new Map<number, number | null>();
  // Start of today per time zone, worked out once per call (not once per agent).
  const days = new Map<string | null, number>();
  for (const a of agents) {
    const team = [...a.teamIds].sort((x, y) => x - y).find((t) => zones.get(t)) ?? null;
    const zone = team === null ? null : (zones.get(team) ?? null);
    let from = days.get(zone);
    if (from === undefined) days.set(zone, (from = startOfDay(now, zone)));
    let hit = cache.get(a.id);
    if (!hit || hit.from !== from || now - hit.at >= FIRST_RESPONSE_TTL_MS) {
      hit = { from, at: now, median: medianOfSorted(s.today.all({ id: a.id, from })) };
      cache.set(a.id, hit);
    }
    out.set(a.id, hit.median);
  }
  return out;
}
