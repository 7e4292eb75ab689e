import { and, desc, eq } from 'drizzle-orm';
import { agents, messages, teams } from '#server/db/schema';
import type { Viewer } from '#server/domain/access';
import { routeQueue } from '#server/domain/routing';
import { englishLanguage, reasonInWords, waitInWords, type RoutingNames } from '#server/domain/routingText';
import { RoutingReasonSchema, type RoutingExplain, type RoutingWait } from '#shared/schemas/routingExplain';
import type { ServiceDeps } from './deps';
import { teamMembers, teamQueue } from './routingFacts';
import { teamConfig } from './teamConfig';
import { visibleThread, type Reader } from './threadQueries';

type Meta = Record<string, unknown>;

function latestEntry(r: Reader, threadId: number, kind: string) {
  return r
    .select({ at: messages.receivedAt, meta: messages.meta })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.systemKind, kind)))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .limit(1)
    .get();
}

/** Why an unassigned open thread waits, from a dry run of its team's routing now. */
function waitOf(r: Reader, deps: ServiceDeps, threadId: number, teamId: number | null, now: number): RoutingWait {
  const none = { language: null, fallbackAt: null, overflowAt: null, overflowTeamId: null };
  if (teamId === null) return { why: 'noTeam', ...none };
  const team = r.select({ autoAssign: teams.autoAssign }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team?.autoAssign) return { why: 'autoAssignOff', ...none };
  const rules = teamConfig(r, teamId).settings.routing;
  const members = teamMembers(r, teamId, new Set(deps.presence.onlineAgentIds()));
  const queue = teamQueue(r, teamId, rules, members, threadId);
  const d = routeQueue(queue, members, rules, null, now).decisions[0];
  if (d?.action === 'wait')
    return {
      why: d.why,
      language: d.language,
      fallbackAt: d.fallbackAt,
      overflowAt: d.overflowAt,
      overflowTeamId: d.overflowTeamId,
    };
  return { why: 'idle', ...none };
}

/**
 * Where a thread went and why (`GET /api/routing/explain/:threadId`): the reason routing recorded
 * when it assigned the thread, who assigned it by hand, or — unassigned — why it still waits and
 * when the language fall-back and the overflow happen. Agents may ask only about threads they can open.
 */
export function explainRouting(r: Reader, deps: ServiceDeps, viewer: Viewer, threadId: number): RoutingExplain {
  const row = visibleThread(r, viewer, threadId);
  const now = deps.now();
  const teamName = (id: number) =>
    r.select({ name: teams.name }).from(teams).where(eq(teams.id, id)).get()?.name ?? `#${id}`;
  const agentName = (id: number) =>
    r.select({ name: agents.name }).from(agents).where(eq(agents.id, id)).get()?.name ?? `#${id}`;
  const names: RoutingNames = { language: englishLanguage, agent: agentName, team: teamName };
  const moved = latestEntry(r, row.id, 'team');
  const movedMeta: Meta = moved?.meta ?? {};
  const overflowedFromTeamId =
    movedMeta.via === 'overflow' && movedMeta.teamId === row.teamId && typeof movedMeta.fromTeamId === 'number'
      ? movedMeta.fromTeamId
      : null;
  const base = { threadId: row.id, teamId: row.teamId, overflowedFromTeamId, actorId: null, reason: null, wait: null };
  if (row.assigneeId !== null) {
    const entry = latestEntry(r, row.id, 'assigned');
    const meta: Meta = entry?.meta ?? {};
    const reason = RoutingReasonSchema.safeParse(meta.routing);
    const current = entry !== undefined && meta.assigneeId === row.assigneeId;
    const agent = names.agent(row.assigneeId);
    if (current && reason.success)
      return {
        ...base,
        state: 'routed',
        agentId: row.assigneeId,
        at: entry.at,
        reason: reason.data,
        text: `Routed to ${agent}: ${reasonInWords(reason.data, names)}`,
      };
    const actorId = current && typeof meta.actorId === 'number' ? meta.actorId : null;
    const actor = actorId === null ? null : names.agent(actorId);
    return {
      ...base,
      state: 'manual',
      agentId: row.assigneeId,
      actorId,
      at: current ? entry.at : null,
      text: actor ? `Assigned to ${agent} by ${actor}` : `Assigned to ${agent}`,
    };
  }
  if (row.status !== 'open')
    return { ...base, state: 'closed', agentId: null, at: null, text: `Not open (${row.status}): not routed` };
  const wait = waitOf(r, deps, row.id, row.teamId, now);
  return { ...base, state: 'waiting', agentId: null, at: null, wait, text: waitInWords(wait, names) };
}
