import type { Viewer } from '#server/domain/access';
import { AppError, ForbiddenError, NotFoundError } from '#server/errors';
import { hasRole } from '#shared/schemas/common';
import type { LiveAssign, LiveAssignResult } from '#shared/schemas/liveBoard';
import { recordAudit } from './audit';
import type { ServiceDeps } from './deps';
import { boardStatements } from '#server/db/boardStatements';
import { assignThread } from './threadOps';

/** Who asked, for the audit log. */
export interface Actor {
  viewer: Viewer;
  sessionHash: string | null;
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
  if (body.agentId !== null) {
    const s = boardStatements(deps.db);
    const target = s.agent.get({ id: body.agentId });
    if (!target || target.active !== 1) throw new NotFoundError(`agent ${body.agentId} not found`);
    const shared = s.agentTeams.all({ id: body.agentId }).some((t) => viewer.teamIds.includes(t));
    if (!hasRole(viewer.role, 'supervisor') && !shared && body.agentId !== viewer.id)
      throw new ForbiddenError('leads assign to agents of their own teams');
  }
  const result: LiveAssignResult = { assigned: [], failed: [] };
  for (const threadId of [...new Set(body.threadIds)]) {
    try {
      const thread = assignThread(deps, viewer, threadId, body.agentId);
      recordAudit(
        deps.db,
        {
          actorId: viewer.id,
          sessionHash: actor.sessionHash,
          action: 'thread.assigned',
          threadId,
          customerId: thread.customer.id,
          detail: { agentId: body.agentId, via: 'board' },
        },
        deps.now(),
      );
      result.assigned.push(threadId);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.failed.push({ threadId, code: err.code, error: err.message });
    }
  }
  return result;
}
