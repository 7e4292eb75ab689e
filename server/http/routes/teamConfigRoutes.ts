import { Router } from 'express';
import { TeamConfigRequestSchema } from '#shared/schemas/teamSettings';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { teamConfig, updateTeamConfig } from '#server/services/teamConfig';
import { requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';

/** A team's business hours and settings (acknowledgement, survey, alerts): everyone reads, admins change. */
export function teamConfigRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db } = ctx.deps;

  r.get('/teams/:id/config', (req, res) => {
    res.json(teamConfig(db, idParam(req.params.id)));
  });
  r.patch('/teams/:id/config', requireRole('admin'), (req, res) => {
    const body = TeamConfigRequestSchema.parse(req.body);
    const cfg = updateTeamConfig(db, idParam(req.params.id), {
      businessHours: body.businessHours as BusinessSchedule | null | undefined,
      settings: body.settings,
    });
    // Business hours change when SLA clocks run: re-plan every timer.
    ctx.sla.refreshAll();
    res.json(cfg);
  });
  return r;
}
