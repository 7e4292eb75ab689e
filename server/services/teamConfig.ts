import { eq } from 'drizzle-orm';
import { teams } from '#server/db/schema';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { TeamSettingsSchema, type TeamSettings, type TeamSettingsPatch } from '#shared/schemas/teamSettings';
import type { Db } from '#server/db/connection';
import { type Reader } from './threadQueries';
import { statements } from '#server/db/statements';
import { HttpError, NotFoundError } from '#server/errors';

/** A team's schedule (null = always open) and validated settings. */
export interface TeamConfig {
  schedule: BusinessSchedule | null;
  settings: TeamSettings;
}

const DEFAULT: TeamConfig = { schedule: null, settings: TeamSettingsSchema.parse({}) };

// Parsed configs by their stored JSON texts: each distinct text is parsed once, and the same text
// yields the same objects, so the business-hours maths can reuse its compiled schedule instead of
// rebuilding it per call.
const parsed = new Map<string, TeamConfig>();

function parseConfig(rawHours: string | null, rawSettings: string | null): TeamConfig {
  const key = `${rawHours ?? 'null'}\u0000${rawSettings ?? '{}'}`;
  const hit = parsed.get(key);
  if (hit) return hit;
  const businessHours: unknown = rawHours === null ? null : JSON.parse(rawHours);
  const settings = TeamSettingsSchema.safeParse(rawSettings === null ? {} : JSON.parse(rawSettings));
  const cfg: TeamConfig = {
    schedule: (businessHours as BusinessSchedule | null) ?? null,
    settings: settings.success ? settings.data : DEFAULT.settings,
  };
  if (parsed.size > 1_000) parsed.clear();
  parsed.set(key, cfg);
  return cfg;
}

/** Read a team's business hours and settings (defaults for no team or bad stored data). */
export function teamConfig(r: Reader, teamId: number | null): TeamConfig {
  if (teamId === null) return DEFAULT;
  const row = statements(r).teamConfig.get({ id: teamId });
  if (!row) return DEFAULT;
  return parseConfig(row.businessHours, row.settings);
}

/** Change a team's business hours and/or settings (settings are merged). */
export function updateTeamConfig(
  db: Db,
  teamId: number,
  patch: { businessHours?: BusinessSchedule | null; settings?: TeamSettingsPatch },
): TeamConfig {
  const current = teamConfig(db, teamId);
  const exists = db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId)).get();
  if (!exists) throw new NotFoundError(`team ${teamId} not found`);
  const change = patch.settings ?? {};
  const settings = TeamSettingsSchema.parse({
    ...current.settings,
    ...change,
    acknowledgement: { ...current.settings.acknowledgement, ...(change.acknowledgement ?? {}) },
    routing: { ...current.settings.routing, ...(change.routing ?? {}) },
  });
  const overflow = settings.routing.overflowTeamId;
  if (overflow !== null) {
    if (overflow === teamId) throw new HttpError(400, 'a team cannot overflow into itself');
    if (!db.select({ id: teams.id }).from(teams).where(eq(teams.id, overflow)).get())
      throw new HttpError(400, `no such team: ${overflow}`);
  }
  db.update(teams)
    .set({ settings, ...(patch.businessHours !== undefined ? { businessHours: patch.businessHours } : {}) })
    .where(eq(teams.id, teamId))
    .run();
  return teamConfig(db, teamId);
}
