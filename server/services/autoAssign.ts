import { and, eq, inArray, sql } from 'drizzle-orm';
import { agents, agentTeams, teams, threads } from '#server/db/schema';
import { pickRoundRobin } from '#server/domain/assignment';
import type { ThreadRow } from '#server/db/mappers';
import type { ServiceDeps } from './deps';
import { getSetting, setSetting } from './settingsStore';
import type { Tx } from './tx';

/**
 * Pick an assignee for an unassigned open thread of an auto-assigning team: round robin over
 * the team's online agents with room under their capacity. Returns null when none qualifies.
 */
export function chooseAutoAssignee(tx: Tx, deps: ServiceDeps, row: ThreadRow): number | null {
  if (row.assigneeId !== null || row.teamId === null || row.status !== 'open') return null;
  const team = tx.select().from(teams).where(eq(teams.id, row.teamId)).get();
  if (!team?.autoAssign) return null;
  const online = deps.presence.onlineAgentIds();
  if (online.length === 0) return null;
  const members = tx
    .select({ id: agents.id, capacity: agents.capacity })
    .from(agents)
    .innerJoin(agentTeams, eq(agentTeams.agentId, agents.id))
    .where(and(eq(agentTeams.teamId, team.id), eq(agents.active, true), inArray(agents.id, online)))
    .all();
  if (members.length === 0) return null;
  const loads = tx
    .select({ id: threads.assigneeId, n: sql<number>`count(*)` })
    .from(threads)
    .where(
      and(
        inArray(
          threads.assigneeId,
          members.map((m) => m.id),
        ),
        inArray(threads.status, ['open', 'pending']),
      ),
    )
    .groupBy(threads.assigneeId)
    .all();
  const load = new Map(loads.map((l) => [l.id, l.n]));
  const key = `roundRobin:team:${team.id}`;
  const pick = pickRoundRobin(
    members.map((m) => ({ id: m.id, capacity: m.capacity, openThreads: load.get(m.id) ?? 0 })),
    getSetting<number | null>(tx, key, null),
  );
  if (pick !== null) setSetting(tx, key, pick);
  return pick;
}
