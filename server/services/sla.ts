import { asc, eq } from 'drizzle-orm';
import { slaPolicies } from '#server/db/schema';
import type { EpisodeRow, ThreadRow } from '#server/db/mappers';
import { computeSlaClocks, selectSlaPolicy, slaStatus, type SlaClock, type SlaPolicy } from '#shared/metrics/sla';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import type { ThreadSla } from '#shared/schemas/thread';
import type { SlaPolicyDto } from '#shared/schemas/metrics';
import type { Db } from '#server/db/connection';
import { teamConfig } from './teamConfig';
import { statements } from '#server/db/statements';
import { pageStatements } from '#server/db/pageStatements';
import { type Reader } from './threadQueries';
import { NotFoundError } from '#server/errors';

/** Every SLA policy, as the pure maths wants them. */
export function loadSlaPolicies(r: Reader): SlaPolicy[] {
  return statements(r)
    .slaPolicies.all()
    .map((p) => ({
      id: p.id,
      name: p.name,
      match: (p.match ?? {}) as SlaPolicy['match'],
      firstResponseMs: p.firstResponseMs ?? undefined,
      nextResponseMs: p.nextResponseMs ?? undefined,
      resolutionMs: p.resolutionMs ?? undefined,
      businessHours: p.businessHours,
    }));
}

/** The running SLA clocks of a thread's current episode, with the policy and schedule used. */
export interface ThreadClocks {
  policy: SlaPolicy;
  schedule: BusinessSchedule | null;
  episodeId: number;
  clocks: SlaClock[];
}

/** The columns of a thread row the SLA maths reads. */
export type SlaThread = Pick<
  ThreadRow,
  | 'customerId'
  | 'teamId'
  | 'lastInboundChannel'
  | 'priority'
  | 'currentEpisodeId'
  | 'mergedIntoThreadId'
  | 'status'
  | 'waitingSince'
>;

/** The columns of an episode row the SLA maths reads. */
export type SlaEpisode = Pick<
  EpisodeRow,
  'id' | 'openedAt' | 'firstResponseAt' | 'resolvedAt' | 'pausedMs' | 'pausedBusinessMs'
>;

/** What SLA maths needs besides the thread row; loaded one by one or for a whole page at once. */
export interface SlaFacts {
  tierOf(customerId: number): string | null;
  episode(id: number): SlaEpisode | undefined;
  scheduleOf(teamId: number | null): BusinessSchedule | null;
}

/** Facts read straight from the database (one thread at a time). */
export function directSlaFacts(r: Reader): SlaFacts {
  return {
    tierOf: (id) => statements(r).customerTier.get({ id })?.tier ?? null,
    episode: (id) => statements(r).episodeById.get({ id }),
    scheduleOf: (teamId) => teamConfig(r, teamId).schedule,
  };
}

/** Facts for a page of threads in two prepared statements (the SLA scheduler's re-planning). */
export function batchSlaFacts(r: Reader, rows: ThreadRow[]): SlaFacts {
  const customerIds = [...new Set(rows.map((t) => t.customerId))];
  const episodeIds = rows.flatMap((t) => (t.currentEpisodeId === null ? [] : [t.currentEpisodeId]));
  const st = pageStatements(r);
  const tiers = new Map(st.tiersOfCustomers.all({ ids: JSON.stringify(customerIds) }).map((c) => [c.id, c.tier]));
  const eps = new Map(st.episodesByIds.all({ ids: JSON.stringify(episodeIds) }).map((e) => [e.id, e] as const));
  return knownSlaFacts(r, tiers, eps);
}

/** Facts already read with the rows (the inbox list reads tier and episode in its own statement). */
export function knownSlaFacts(
  r: Reader,
  tiers: ReadonlyMap<number, string | null>,
  eps: ReadonlyMap<number, SlaEpisode>,
): SlaFacts {
  const schedules = new Map<number | null, BusinessSchedule | null>();
  return {
    tierOf: (id) => tiers.get(id) ?? null,
    episode: (id) => eps.get(id),
    scheduleOf: (teamId) => {
      if (!schedules.has(teamId)) schedules.set(teamId, teamConfig(r, teamId).schedule);
      return schedules.get(teamId) ?? null;
    },
  };
}

/** Compute the running clocks for a thread (null when no policy applies or nothing runs). */
export function threadClocks(
  r: Reader,
  row: SlaThread,
  policies: SlaPolicy[],
  now: number,
  facts: SlaFacts = directSlaFacts(r),
): ThreadClocks | null {
  if (policies.length === 0 || row.currentEpisodeId === null || row.mergedIntoThreadId !== null) return null;
  const policy = selectSlaPolicy(policies, {
    teamId: row.teamId,
    channel: row.lastInboundChannel,
    tier: facts.tierOf(row.customerId),
    priority: row.priority,
  });
  if (!policy) return null;
  const ep = facts.episode(row.currentEpisodeId);
  if (!ep) return null;
  const schedule = facts.scheduleOf(row.teamId);
  const paused = row.status === 'pending' || row.status === 'snoozed';
  const pausedSoFar = policy.businessHours && schedule ? ep.pausedBusinessMs : ep.pausedMs;
  const clocks = computeSlaClocks(
    policy,
    {
      episodeOpenedAt: ep.openedAt,
      firstResponseAt: ep.firstResponseAt,
      waitingSince: row.waitingSince,
      resolvedAt: row.status === 'resolved' ? (ep.resolvedAt ?? now) : null,
      pausedForStatus: paused,
      pausedMs: pausedSoFar,
    },
    schedule,
  );
  return { policy, schedule, episodeId: ep.id, clocks };
}

/** The SLA badge of a thread at `now`, or null when no policy applies. */
export function threadSla(
  r: Reader,
  row: SlaThread,
  now: number,
  policies = loadSlaPolicies(r),
  facts?: SlaFacts,
): ThreadSla | null {
  const tc = threadClocks(r, row, policies, now, facts);
  if (!tc) return null;
  const st = slaStatus(tc.clocks, now, tc.schedule, tc.policy.businessHours);
  return { state: st.state, kind: st.kind, dueAt: st.nextDueAt, policyName: tc.policy.name };
}

function toDto(p: typeof slaPolicies.$inferSelect): SlaPolicyDto {
  return {
    id: p.id,
    name: p.name,
    match: (p.match ?? {}) as SlaPolicyDto['match'],
    firstResponseMs: p.firstResponseMs,
    nextResponseMs: p.nextResponseMs,
    resolutionMs: p.resolutionMs,
    businessHours: p.businessHours,
  };
}

/** SLA policies for the admin screen. */
export function listSlaPolicies(db: Db): SlaPolicyDto[] {
  return db.select().from(slaPolicies).orderBy(asc(slaPolicies.id)).all().map(toDto);
}

/** Create a policy. */
export function createSlaPolicy(db: Db, p: Omit<SlaPolicyDto, 'id'>, now: number): SlaPolicyDto {
  return toDto(
    db
      .insert(slaPolicies)
      .values({ ...p, createdAt: now })
      .returning()
      .get(),
  );
}

/** Replace a policy. */
export function updateSlaPolicy(db: Db, id: number, p: Omit<SlaPolicyDto, 'id'>): SlaPolicyDto {
  const row = db.update(slaPolicies).set(p).where(eq(slaPolicies.id, id)).returning().get();
  if (!row) throw new NotFoundError(`SLA policy ${id} not found`);
  return toDto(row);
}

/** Delete a policy. */
export function deleteSlaPolicy(db: Db, id: number): void {
  if (db.delete(slaPolicies).where(eq(slaPolicies.id, id)).run().changes === 0)
    throw new NotFoundError(`SLA policy ${id} not found`);
}
