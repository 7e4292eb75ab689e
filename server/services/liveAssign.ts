import type { Viewer } from '#server/domain/access';
import { AppError, ForbiddenError, NotFoundError } from '#server/errors';
import { hasRole, type Presence } from '#shared/schemas/common';
import type { LiveAssign, LiveAssignResult, LiveMove, LivePresence } from '#shared/schemas/liveBoard';
import { recordAudit } from './audit';
import type { ServiceDeps } from './deps';
import { boardStatements } from '#server/db/boardStatements';
import { assignThread, setThreadTeam } from './threadOps';

/** Who asked, for the audit log. */
export interface Actor {
  viewer: Viewer;
  sessionHash: string | null;
}

/** The agent exists and is active, and a lead shares a team with them (supervisors and admins: anyone). */
function checkTeammate(deps: ServiceDeps, viewer: Viewer, agentId: number): void {
  const s = boardStatements(deps.db);
  const target = s.agent.get({ id: agentId });
  if (!target || target.active !== 1) throw new NotFoundError(`agent ${agentId} not found`);
  const shared = s.agentTeams.all({ id: agentId }).some((t) => viewer.teamIds.includes(t));
  if (!hasRole(viewer.role, 'supervisor') && !shared)
    throw new ForbiddenError('leads act on agents of their own teams');
}

/** Run `act` on each thread on its own; expected failures are reported per thread, the rest go on. */
function eachThread(threadIds: readonly number[], act: (threadId: number) => void): LiveAssignResult {
  const result: LiveAssignResult = { assigned: [], failed: [] };
  for (const threadId of [...new Set(threadIds)]) {
    try {
      act(threadId);
      result.assigned.push(threadId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.failed.push({ threadId, code: err.code, error: err.message });
    }
  }
  return result;
}

/**
 * Assign threads from the floor board (leads of a team the target agent is in, supervisors,
 * admins). Each thread is its own transaction with the thread's usual timeline entry and events;
 * each assignment is audited. A thread that cannot be assigned (gone, not visible, already
 * moved) is reported in `failed` while the others go through.
 */
export function liveAssign(deps: ServiceDeps, actor: Actor, body: LiveAssign): LiveAssignResult {
  const { viewer } = actor;
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('assigning from the board is for leads and up');
  if (body.agentId !== null && body.agentId !== viewer.id) checkTeammate(deps, viewer, body.agentId);
  return eachThread(body.threadIds, (threadId) => {
    const thread = assignThread(deps, viewer, threadId, body.agentId);
    audit(deps, actor, 'thread.assigned', threadId, thread.customer.id, { agentId: body.agentId, via: 'board' });
  });
}

/** Move threads to another team (or none) from the board; each move is on the thread's timeline and audited. */
export function liveMove(deps: ServiceDeps, actor: Actor, body: LiveMove): LiveAssignResult {
  if (!hasRole(actor.viewer.role, 'lead'))
    throw new ForbiddenError('moving threads from the board is for leads and up');
  return eachThread(body.threadIds, (threadId) => {
    const thread = setThreadTeam(deps, actor.viewer, threadId, body.teamId);
    audit(deps, actor, 'thread.team_changed', threadId, thread.customer.id, { teamId: body.teamId, via: 'board' });
  });
}

/**
 * Set an agent away (or back online) from the board: leads for agents of their teams, supervisors
 * and admins for anyone. `choose` applies it to live presence and answers the presence now
 * (an agent with no connection stays offline until they connect, then shows the choice).
 */
export function livePresence(
  deps: ServiceDeps,
  actor: Actor,
  body: LivePresence,
  choose: (agentId: number, p: 'online' | 'away') => Presence,
): Presence {
  const { viewer } = actor;
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('setting presence from the board is for leads and up');
  checkTeammate(deps, viewer, body.agentId);
  const now = choose(body.agentId, body.presence);
  recordAudit(
    deps.db,
    {
      actorId: viewer.id,
      sessionHash: actor.sessionHash,
      action: 'agent.presence_set',
      detail: { agentId: body.agentId, presence: body.presence, via: 'board' },
    },
    deps.now(),
  );
  return now;
}

function audit(
  deps: ServiceDeps,
  actor: Actor,
  action: 'thread.assigned' | 'thread.team_changed',
  threadId: number,
  customerId: number,
  detail: Record<string, unknown>,
): void {
  recordAudit(
    deps.db,
    { actorId: actor.viewer.id, sessionHash: actor.sessionHash, action, threadId, customerId, detail },
    deps.now(),
  );
}
