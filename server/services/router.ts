import { eq } from 'drizzle-orm';
import { teams, threads } from '#server/db/schema';
import { nextRoutingInstant, routeQueue, type RoutingDecision } from '#server/domain/routing';
import { englishLanguage, reasonInWords } from '#server/domain/routingText';
import type { ServiceDeps } from './deps';
import { moveToTeam, setAssignee } from './assignee';
import { teamMembers, teamQueue } from './routingFacts';
import { getSetting, setSetting } from './settingsStore';
import { agentName, recordSystem } from './systemEntry';
import { teamConfig } from './teamConfig';
import type { EmitFn, Tx } from './tx';
import { statements } from '#server/db/statements';

/** What one routing pass over a team did, and when time alone could change its waiting threads. */
export interface RoutingPass {
  assigned: number;
  overflowed: number[];
  nextAt: number | null;
}

const NOTHING: RoutingPass = { assigned: 0, overflowed: [], nextAt: null };

/**
 * Route an auto-assigning team's unassigned open threads now (routeQueue in domain/routing.ts):
 * assignments go through setAssignee with a timeline entry saying why, overflowing threads move
 * to the overflow team with an entry saying so. Runs inside the caller's transaction.
 */
export function routeTeamQueue(tx: Tx, emit: EmitFn, deps: ServiceDeps, teamId: number, now: number): RoutingPass {
  const team = statements(tx).teamAutoAssign.get({ id: teamId });
  if (!team?.autoAssign) return NOTHING;
  const rules = teamConfig(tx, teamId).settings.routing;
  const members = teamMembers(tx, teamId, new Set(deps.presence.onlineAgentIds()));
  // Nobody online and no overflow: nothing can happen until someone comes online (the scheduler hears that).
  if (!members.some((m) => m.online) && rules.overflowTeamId === null) return NOTHING;
  const queue = teamQueue(tx, teamId, rules, members);
  if (queue.length === 0) return NOTHING;
  const key = `roundRobin:team:${teamId}`;
  const before = getSetting<number | null>(tx, key, null);
  const { decisions, lastAssignedId } = routeQueue(queue, members, rules, before, now);
  if (lastAssignedId !== before) setSetting(tx, key, lastAssignedId);
  const pass: RoutingPass = { assigned: 0, overflowed: [], nextAt: nextRoutingInstant(decisions, now) };
  for (const d of decisions) applyDecision(tx, emit, d, teamId, rules.overflowMinutes, now, pass);
  return pass;
}

function applyDecision(
  tx: Tx,
  emit: EmitFn,
  d: RoutingDecision,
  teamId: number,
  overflowMinutes: number,
  now: number,
  pass: RoutingPass,
): void {
  if (d.action === 'wait') return;
  const row = tx.select().from(threads).where(eq(threads.id, d.threadId)).get();
  if (!row || row.assigneeId !== null || row.teamId !== teamId) return;
  if (d.action === 'assign') {
    const why = reasonInWords(d.reason, { language: englishLanguage });
    setAssignee(tx, emit, row, d.agentId, now, {
      text: `Routed to ${agentName(tx, d.agentId)}: ${why}`,
      meta: { actorId: null, assigneeId: d.agentId, routing: d.reason },
    });
    pass.assigned++;
    return;
  }
  const name = (id: number) => tx.select({ name: teams.name }).from(teams).where(eq(teams.id, id)).get()?.name;
  const after = moveToTeam(tx, row, d.teamId, now);
  const text = `Unassigned for ${overflowMinutes} minutes: moved from ${name(teamId)} to ${name(d.teamId)}`;
  recordSystem(tx, emit, now, row, after, 'team', text, {
    actorId: null,
    teamId: d.teamId,
    fromTeamId: teamId,
    via: 'overflow',
    minutes: overflowMinutes,
  });
  pass.overflowed.push(d.teamId);
}
