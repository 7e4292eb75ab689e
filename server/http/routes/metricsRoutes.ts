import { Router } from 'express';
import { hasRole } from '#shared/schemas/common';
import { MetricsRangeQuerySchema } from '#shared/schemas/metrics';
import { listAgents, listTeams } from '#server/services/agents';
import { computeThreadMetrics } from '#server/services/metrics';
import { waitCalibration } from '#server/services/waitCalibration';
import { aggregateBy, aggregateOne, ATTRIBUTION, emptyAggregate } from '#server/services/metricReports';
import { requireAccess } from '#server/services/threadQueries';
import { getThreadRow } from '#server/services/threadQueries';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { ForbiddenError } from '#server/errors';
import { idParam } from '#server/http/params';

const DAY = 86_400_000;

/** Response times, sentiment, SLA and survey figures, per thread, agent and team. */
export function metricsRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const range = (q: unknown) => {
    const p = MetricsRangeQuerySchema.parse(q);
    const to = p.to ?? now();
    return { from: p.from ?? to - 7 * DAY, to, teamId: p.teamId };
  };
  const lead = requireRole('lead');

  r.get('/metrics/threads/:id', (req, res) => {
    const row = getThreadRow(db, idParam(req.params.id));
    requireAccess(authOf(req).viewer, row);
    res.json(computeThreadMetrics(db, row.id));
  });
  r.get('/metrics/agents', lead, (req, res) => {
    const q = range(req.query);
    const agents = listAgents(db, () => 'offline').filter(
      (a) => q.teamId === undefined || a.teamIds.includes(q.teamId),
    );
    const figures = aggregateBy(db, 'agent', q);
    res.json({
      from: q.from,
      to: q.to,
      attribution: ATTRIBUTION,
      items: agents.map((a) => ({ agentId: a.id, name: a.name, metrics: figures.get(a.id) ?? emptyAggregate() })),
    });
  });
  r.get('/metrics/agents/:id', (req, res) => {
    const agentId = idParam(req.params.id);
    const viewer = authOf(req).viewer;
    if (agentId !== viewer.id && !hasRole(viewer.role, 'lead'))
      throw new ForbiddenError('agents can only see their own figures');
    const q = range(req.query);
    res.json({
      from: q.from,
      to: q.to,
      agentId,
      attribution: ATTRIBUTION,
      metrics: aggregateOne(db, 'agent', agentId, q),
    });
  });
  r.get('/metrics/teams', lead, (req, res) => {
    const q = range(req.query);
    const figures = aggregateBy(db, 'team', q);
    res.json({
      from: q.from,
      to: q.to,
      attribution: ATTRIBUTION,
      items: listTeams(db).map((t) => ({ teamId: t.id, name: t.name, metrics: figures.get(t.id) ?? emptyAggregate() })),
    });
  });
  r.get('/metrics/predictions', lead, (req, res) => {
    const q = range(req.query);
    res.json(waitCalibration(db, q, now()));
  });

  return r;
}
