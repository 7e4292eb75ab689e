import { alertRulesOfTeam } from '#server/db/alertStatements';
import { all, get, run, statement, type Q } from '#server/db/engine/statement';
import type { Viewer } from '#server/domain/access';
import { ForbiddenError, NotFoundError } from '#server/errors';
import { hasRole } from '#shared/schemas/common';
import type { AlertRules } from '#shared/schemas/alerts';
import { recordAuditQ } from './audit';
import { readQ, transactQ, type EngineDeps } from './engine';
import type { Actor } from './liveAssign';

// Team alert rules on the engine-neutral path (docs/engine-port.md): one code path, SQLite or PostgreSQL.

const teamExists = statement<{ id: number }, { id: number }>('teams.exists', 'select id from teams where id = :id');
const deleteRules = statement<{ team: number }>(
  'alertRules.deleteOfTeam',
  'delete from alert_rules where team_id = :team',
);
const insertRule = statement<{ team: number; kind: string; threshold: number; enabled: number; now: number }>(
  'alertRules.insert',
  `insert into alert_rules (team_id, kind, threshold, enabled, updated_at) values (:team, :kind, :threshold, :enabled, :now)`,
);

/** Leads configure the rules of their own teams; supervisors and admins of every team; agents none. */
function* checkTeam(viewer: Viewer, teamId: number): Q<void> {
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('alert rules are for leads, supervisors and admins');
  if (!hasRole(viewer.role, 'supervisor') && !viewer.teamIds.includes(teamId))
    throw new ForbiddenError('leads configure alerts of their own teams');
  if (!(yield* get(teamExists, { id: teamId }))) throw new NotFoundError(`team ${teamId} not found`);
}

function* rulesOf(viewer: Viewer, teamId: number): Q<AlertRules> {
  yield* checkTeam(viewer, teamId);
  const rows = yield* all(alertRulesOfTeam, { team: teamId });
  return { rules: rows.map((r) => ({ kind: r.kind, threshold: r.threshold, enabled: r.enabled === 1 })) };
}

/** GET /api/teams/:id/alert-rules: the team's rules, one per kind at most. */
export function readAlertRules(d: EngineDeps, viewer: Viewer, teamId: number): Promise<AlertRules> {
  return readQ(d, rulesOf(viewer, teamId));
}

/** PUT /api/teams/:id/alert-rules: replace the team's rule set (audited); kinds left out are removed. */
export function writeAlertRules(d: EngineDeps, actor: Actor, teamId: number, body: AlertRules): Promise<AlertRules> {
  const now = d.now();
  return transactQ(d, function* () {
    yield* checkTeam(actor.viewer, teamId);
    yield* run(deleteRules, { team: teamId });
    for (const r of body.rules)
      yield* run(insertRule, { team: teamId, kind: r.kind, threshold: r.threshold, enabled: r.enabled ? 1 : 0, now });
    yield* recordAuditQ(
      {
        actorId: actor.viewer.id,
        sessionHash: actor.sessionHash,
        action: 'team.alert_rules_changed',
        detail: { teamId, rules: body.rules },
      },
      now,
    );
    return yield* rulesOf(actor.viewer, teamId);
  });
}
