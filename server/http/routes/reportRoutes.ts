import { Router, type Request } from 'express';
import { hasRole } from '#shared/schemas/common';
import { DrillQuerySchema, ReportQuerySchema } from '#shared/schemas/reports';
import { agentReport, teamReport } from '#server/services/reports/agentReport';
import { drillDown } from '#server/services/reports/drill';
import { leadingReport } from '#server/services/reports/leadingReport';
import { scopeFor } from '#server/services/reports/scope';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';

/**
 * Supervisor reports (docs/reports.md): per agent with the decile gap, per team, leading indicators,
 * and the conversations behind any figure. Leads see their teams, supervisors and admins every team,
 * agents only their own figures (no deciles, no team report).
 */
export function reportRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const parse = (req: Request) => {
    const q = ReportQuerySchema.parse(req.query);
    const viewer = authOf(req).viewer;
    return { q, viewer, scope: scopeFor(viewer, q, now()) };
  };

  r.get('/reports/agents', (req, res) => {
    const { q, viewer, scope } = parse(req);
    res.json(agentReport(db, scope, q.min, q.periods, hasRole(viewer.role, 'lead')));
  });
  r.get('/reports/teams', requireRole('lead'), (req, res) => {
    res.json(teamReport(db, parse(req).scope));
  });
  r.get('/reports/leading', (req, res) => {
    res.json(leadingReport(db, parse(req).scope));
  });
  r.get('/reports/conversations', (req, res) => {
    const q = DrillQuerySchema.parse({ metric: req.query.metric, above: req.query.above, upTo: req.query.upTo });
    res.json(drillDown(db, parse(req).scope, q.metric, q));
  });
  return r;
}
