import { Router } from 'express';
import { TeamConfigRequestSchema } from '#shared/schemas/teamSettings';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { teamConfig, updateTeamConfig } from '#server/services/teamConfig';
import { authOf, requireRole } from '#server/http/authMiddleware';
import { hasRole } from '#shared/schemas/common';
import { NotFoundError } from '#server/errors';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';
import { idParam } from '#server/http/params';

/** A team's business hours and settings (acknowledgement, survey, alerts): members and supervisors read, admins change. */
export function teamConfigRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db } = ctx.deps;

  r.get('/teams/:id/config', (req, res) => {
    const teamId = idParam(req.params.id);
    const viewer = authOf(req).viewer;
    // A team's hours and alert settings are its own business: members read them, supervisors
    // and admins read every team's; anyone else learns nothing (not even that the team exists).
    if (!hasRole(viewer.role, 'supervisor') && !viewer.teamIds.includes(teamId))
      throw new NotFoundError(`team ${teamId} not found`);
    res.json(teamConfig(db, teamId));
  });
  r.patch('/teams/:id/config', requireRole('admin'), (req, res) => {
    const body = TeamConfigRequestSchema.parse(req.body);
    const cfg = updateTeamConfig(db, idParam(req.params.id), {
      businessHours: body.businessHours as BusinessSchedule | null | undefined,
      settings: body.settings,
    });
    audit(ctx, req, { action: 'settings.changed', detail: { teamConfig: idParam(req.params.id), patch: body } });
    // Business hours change when SLA clocks run: re-plan every timer.
    ctx.sla.refreshAll(true);
    res.json(cfg);
  });
  return r;
}
