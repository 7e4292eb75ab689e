import { Router } from 'express';
import { AlertRulesSchema, AlertsQuerySchema } from '#shared/schemas/alerts';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';
import { acknowledgeAlert } from '#server/services/alertAck';
import { engineDeps } from '#server/services/engine';
import { evaluateTeamAlerts, listAlerts } from '#server/services/teamAlerts';
import { readAlertRules, writeAlertRules } from '#server/services/teamAlertRules';

/** Team alerts: the history and acknowledging (leads of the team, supervisors, admins), and each team's rules. */
export function alertRoutes(ctx: AppContext): Router {
  const r = Router();
  const actor = (req: Parameters<typeof authOf>[0]) => {
    const auth = authOf(req);
    return { viewer: auth.viewer, sessionHash: auth.idHash };
  };
  r.get('/alerts', requireRole('lead'), (req, res) => {
    res.json({ items: listAlerts(ctx.deps.db, authOf(req).viewer, AlertsQuerySchema.parse(req.query)) });
  });
  r.post('/alerts/:id/ack', requireRole('lead'), async (req, res) => {
    res.json(await acknowledgeAlert(engineDeps(ctx.deps), actor(req), idParam(req.params.id)));
  });
  r.get('/teams/:id/alert-rules', requireRole('lead'), async (req, res) => {
    res.json(await readAlertRules(engineDeps(ctx.deps), authOf(req).viewer, idParam(req.params.id)));
  });
  r.put('/teams/:id/alert-rules', requireRole('lead'), async (req, res) => {
    const teamId = idParam(req.params.id);
    const rules = await writeAlertRules(engineDeps(ctx.deps), actor(req), teamId, AlertRulesSchema.parse(req.body));
    // A rule set below the current figures fires now, not at the next change.
    evaluateTeamAlerts(ctx.deps, teamId);
    res.json(rules);
  });
  return r;
}
