import { eq } from 'drizzle-orm';
import { alertRules } from '#server/db/schema';
import { alertStatements } from '#server/db/alertStatements';
import { boardStatements } from '#server/db/boardStatements';
import type { Viewer } from '#server/domain/access';
import { ForbiddenError, NotFoundError } from '#server/errors';
import { hasRole } from '#shared/schemas/common';
import type { AlertRules } from '#shared/schemas/alerts';
import type { Db } from '#server/db/connection';
import { recordAudit } from './audit';
import type { ServiceDeps } from './deps';
import type { Actor } from './liveAssign';
import { transact } from './tx';

/** Leads configure the rules of their own teams; supervisors and admins of every team; agents none. */
function checkTeam(db: Db, viewer: Viewer, teamId: number): void {
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('alert rules are for leads, supervisors and admins');
  if (!hasRole(viewer.role, 'supervisor') && !viewer.teamIds.includes(teamId))
    throw new ForbiddenError('leads configure alerts of their own teams');
  if (!boardStatements(db).team.get({ id: teamId })) throw new NotFoundError(`team ${teamId} not found`);
}

/** GET /api/teams/:id/alert-rules: the team's rules, one per kind at most. */
export function readAlertRules(db: Db, viewer: Viewer, teamId: number): AlertRules {
  checkTeam(db, viewer, teamId);
  return {
    rules: alertStatements(db)
      .rules.all({ team: teamId })
      .map((r) => ({ kind: r.kind, threshold: r.threshold, enabled: r.enabled === 1 })),
  };
}

/** PUT /api/teams/:id/alert-rules: replace the team's rule set (audited); kinds left out are removed. */
export function writeAlertRules(deps: ServiceDeps, actor: Actor, teamId: number, body: AlertRules): AlertRules {
  checkTeam(deps.db, actor.viewer, teamId);
  const now = deps.now();
  transact(deps, (tx) => {
    tx.delete(alertRules).where(eq(alertRules.teamId, teamId)).run();
    for (const r of body.rules)
      tx.insert(alertRules)
        .values({ teamId, ...r, updatedAt: now })
        .run();
    recordAudit(
      tx,
      {
        actorId: actor.viewer.id,
        sessionHash: actor.sessionHash,
        action: 'team.alert_rules_changed',
        detail: { teamId, rules: body.rules },
      },
      now,
    );
  });
  return readAlertRules(deps.db, actor.viewer, teamId);
}
