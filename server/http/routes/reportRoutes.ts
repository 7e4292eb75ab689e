import { Router, type Request } from 'express';
import { hasRole } from '#shared/schemas/common';
import { DrillQuerySchema, ReportQuerySchema } from '#shared/schemas/reports';
import { scopeFor } from '#server/services/reports/scope';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';

/**
 * Supervisor reports (docs/reports.md): per agent with the decile gap, per team, leading indicators,
 * and the conversations behind any figure. Leads see their teams, supervisors and admins every team,
 * agents only their own figures (no deciles, no team report). The scope is checked here; the report
 * itself runs on the reader pool's worker threads (services/readers), off the event loop.
 */
export function reportRoutes(ctx: AppContext): Router {
  const r = Router();
  const { now } = ctx.deps;
  const { readers } = ctx;
  const parse = (req: Request) => {
    const q = ReportQuerySchema.parse(req.query);
    const viewer = authOf(req).viewer;
    return { q, viewer, scope: scopeFor(viewer, q, now()) };
  };

  r.get('/reports/agents', async (req, res) => {
    const { q, viewer, scope } = parse(req);
    const withDeciles = hasRole(viewer.role, 'lead');
    res.json(await readers.run('reportAgents', { scope, min: q.min, periods: q.periods, withDeciles }));
  });
  r.get('/reports/teams', requireRole('lead'), async (req, res) => {
    res.json(await readers.run('reportTeams', parse(req).scope));
  });
  r.get('/reports/leading', async (req, res) => {
    res.json(await readers.run('reportLeading', parse(req).scope));
  });
  r.get('/reports/conversations', async (req, res) => {
    const q = DrillQuerySchema.parse({ metric: req.query.metric, above: req.query.above, upTo: req.query.upTo });
    res.json(await readers.run('drill', { scope: parse(req).scope, metric: q.metric, range: q }));
  });
  return r;
}
