import { Router } from 'express';
import { hasRole } from '#shared/schemas/common';
import { MetricsRangeQuerySchema } from '#shared/schemas/metrics';
import { computeThreadMetrics } from '#server/services/metrics';
import { requireAccess } from '#server/services/threadQueries';
import { getThreadRow } from '#server/services/threadQueries';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { ForbiddenError } from '#server/errors';
import { idParam } from '#server/http/params';

const DAY = 86_400_000;

/**
 * Response times, sentiment, SLA and survey figures, per thread, agent and team. The aggregates run
 * on the reader pool's worker threads (services/readers), off the event loop.
 */
export function metricsRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const { readers } = ctx;
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
  r.get('/metrics/agents', lead, async (req, res) => {
    res.json(await readers.run('metricsAgents', range(req.query)));
  });
  r.get('/metrics/agents/:id', async (req, res) => {
    const agentId = idParam(req.params.id);
    const viewer = authOf(req).viewer;
    if (agentId !== viewer.id && !hasRole(viewer.role, 'lead'))
      throw new ForbiddenError('agents can only see their own figures');
    res.json(await readers.run('metricsAgent', { agentId, q: range(req.query) }));
  });
  r.get('/metrics/teams', lead, async (req, res) => {
    res.json(await readers.run('metricsTeams', range(req.query)));
  });
  r.get('/metrics/predictions', lead, async (req, res) => {
    res.json(await readers.run('predictions', { q: range(req.query), now: now() }));
  });

  return r;
}
