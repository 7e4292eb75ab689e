import { asc, eq } from 'drizzle-orm';
import { agents, agentTeams, teams } from '#server/db/schema';
import { toAgent, toTeam } from '#server/db/mappers';
import type { Db } from '#server/db/connection';
import type { Agent, Team } from '#shared/schemas/agent';
import type { Presence } from '#shared/schemas/common';
import { hashPassword } from './auth';
import { isForeignKeyViolation, isUniqueViolation } from './tx';
import { ConflictError, NotFoundError } from '#server/errors';

/** Live presence lookup supplied by the realtime layer. */
export type PresenceOf = (agentId: number) => Presence;

function teamIdsByAgent(db: Db): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const r of db.select().from(agentTeams).all()) map.set(r.agentId, [...(map.get(r.agentId) ?? []), r.teamId]);
  return map;
}

/** Every agent with team ids and live presence. */
export function listAgents(db: Db, presenceOf: PresenceOf): Agent[] {
  const teamsOf = teamIdsByAgent(db);
  return db
    .select()
    .from(agents)
    .orderBy(asc(agents.id))
    .all()
    .map((a) => toAgent(a, teamsOf.get(a.id) ?? [], presenceOf(a.id)));
}

/** One agent as the wire shape. */
export function getAgent(db: Db, id: number, presenceOf: PresenceOf): Agent {
  const a = db.select().from(agents).where(eq(agents.id, id)).get();
  if (!a) throw new NotFoundError(`agent ${id} not found`);
  return toAgent(a, teamIdsByAgent(db).get(id) ?? [], presenceOf(id));
}

/** Input for creating an agent. */
export interface NewAgent {
  email: string;
  name: string;
  role: Agent['role'];
  password: string;
  locale: Agent['locale'];
  capacity: number;
  /** Separate limit for async work; null/absent = capacity covers all work. */
  asyncCapacity?: number | null;
  languages?: string[];
  skills?: string[];
  teamIds: number[];
}

/** Create an agent (admins only; checked by the route). */
export async function createAgent(db: Db, input: NewAgent, now: number): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  try {
    return db.transaction((tx) => {
      const row = tx
        .insert(agents)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          locale: input.locale,
          capacity: input.capacity,
          asyncCapacity: input.asyncCapacity ?? null,
          languages: input.languages ?? [],
          skills: input.skills ?? [],
          passwordChangedAt: now,
          createdAt: now,
        })
        .returning({ id: agents.id })
        .get();
      for (const teamId of input.teamIds) tx.insert(agentTeams).values({ agentId: row.id, teamId }).run();
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`an agent with email ${input.email} already exists`);
    if (isForeignKeyViolation(err)) throw new NotFoundError('unknown team id');
    throw err;
  }
}

/** Edit an agent's name, role, capacities, languages, skills, teams, locale or active flag. */
export function updateAgent(
  db: Db,
  id: number,
  patch: Partial<
    Pick<NewAgent, 'name' | 'role' | 'capacity' | 'asyncCapacity' | 'languages' | 'skills' | 'teamIds' | 'locale'>
  > & {
    active?: boolean;
  },
): void {
  try {
    db.transaction((tx) => {
      const exists = tx.select({ id: agents.id }).from(agents).where(eq(agents.id, id)).get();
      if (!exists) throw new NotFoundError(`agent ${id} not found`);
      const { teamIds, ...fields } = patch;
      if (Object.keys(fields).length > 0) tx.update(agents).set(fields).where(eq(agents.id, id)).run();
      if (teamIds) {
        tx.delete(agentTeams).where(eq(agentTeams.agentId, id)).run();
        for (const teamId of new Set(teamIds)) tx.insert(agentTeams).values({ agentId: id, teamId }).run();
      }
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw new NotFoundError('unknown team id');
    throw err;
  }
}

/** Every team with its members. */
export function listTeams(db: Db): Team[] {
  const members = new Map<number, number[]>();
  for (const r of db.select().from(agentTeams).all())
    members.set(r.teamId, [...(members.get(r.teamId) ?? []), r.agentId]);
  return db
    .select()
    .from(teams)
    .orderBy(asc(teams.id))
    .all()
    .map((t) => toTeam(t, members.get(t.id) ?? []));
}

/** Create a team (admins only). */
export function createTeam(db: Db, input: { name: string; autoAssign: boolean }, now: number): number {
  try {
    return db
      .insert(teams)
      .values({ name: input.name, autoAssign: input.autoAssign, createdAt: now })
      .returning({ id: teams.id })
      .get().id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`a team named ${input.name} already exists`);
    throw err;
  }
}

/** Rename a team or switch its auto-assignment. */
export function updateTeam(db: Db, id: number, patch: { name?: string; autoAssign?: boolean }): void {
  const res = db.update(teams).set(patch).where(eq(teams.id, id)).run();
  if (res.changes === 0) throw new NotFoundError(`team ${id} not found`);
}
