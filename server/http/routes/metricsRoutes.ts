import { Router } from 'express';
import { hasRole, IdParamSchema } from '#shared/schemas/common';
import { MetricsRangeQuerySchema, SlaPolicyRequestSchema } from '#shared/schemas/metrics';
import { TeamConfigRequestSchema } from '#shared/schemas/teamSettings';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { listAgents, listTeams } from '#server/services/agents';
import { aggregateMetrics, computeThreadMetrics, predictionAccuracy } from '#server/services/metrics';
import { requireAccess } from '#server/services/threadQueries';
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies, updateSlaPolicy } from '#server/services/sla';
import { teamConfig, updateTeamConfig } from '#server/services/teamConfig';
import { getThreadRow } from '#server/services/threadQueries';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { ForbiddenError } from '#server/errors';

const DAY = 86_400_000;

/** Response times, sentiment, SLA and survey figures; SLA policies and team hours (admins change them). */
export function metricsRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const id = (raw: unknown) => IdParamSchema.parse(raw);
  const range = (q: unknown) => {
    const p = MetricsRangeQuerySchema.parse(q);
    const to = p.to ?? now();
    return { from: p.from ?? to - 7 * DAY, to, teamId: p.teamId };
  };
  const lead = requireRole('lead');
  const admin = requireRole('admin');

  r.get('/metrics/threads/:id', (req, res) => {
    const row = getThreadRow(db, id(req.params.id));
    requireAccess(authOf(req).viewer, row);
    res.json(computeThreadMetrics(db, row.id));
  });
  r.get('/metrics/agents', lead, (req, res) => {
    const q = range(req.query);
    const agents = listAgents(db, () => 'offline').filter(
      (a) => q.teamId === undefined || a.teamIds.includes(q.teamId),
    );
    res.json({
      from: q.from,
      to: q.to,
      items: agents.map((a) => ({
        agentId: a.id,
        name: a.name,
        metrics: aggregateMetrics(db, { from: q.from, to: q.to, agentId: a.id }),
      })),
    });
  });
  r.get('/metrics/agents/:id', (req, res) => {
    const agentId = id(req.params.id);
    const viewer = authOf(req).viewer;
    if (agentId !== viewer.id && !hasRole(viewer.role, 'lead'))
      throw new ForbiddenError('agents can only see their own figures');
    const q = range(req.query);
    res.json({ from: q.from, to: q.to, agentId, metrics: aggregateMetrics(db, { from: q.from, to: q.to, agentId }) });
  });
  r.get('/metrics/teams', lead, (req, res) => {
    const q = range(req.query);
    res.json({
      from: q.from,
      to: q.to,
      items: listTeams(db).map((t) => ({
        teamId: t.id,
        name: t.name,
        metrics: aggregateMetrics(db, { from: q.from, to: q.to, teamId: t.id }),
      })),
    });
  });
  r.get('/metrics/predictions', lead, (req, res) => {
    const q = range(req.query);
    res.json(predictionAccuracy(db, q.from, q.to));
  });

  r.get('/sla-policies', (_req, res) => {
    res.json({ items: listSlaPolicies(db) });
  });
  r.post('/sla-policies', admin, (req, res) => {
    const p = createSlaPolicy(db, SlaPolicyRequestSchema.parse(req.body), now());
    ctx.sla.refreshAll();
    res.status(201).json(p);
  });
  r.put('/sla-policies/:id', admin, (req, res) => {
    const p = updateSlaPolicy(db, id(req.params.id), SlaPolicyRequestSchema.parse(req.body));
    ctx.sla.refreshAll();
    res.json(p);
  });
  r.delete('/sla-policies/:id', admin, (req, res) => {
    deleteSlaPolicy(db, id(req.params.id));
    ctx.sla.refreshAll();
    res.json({ ok: true });
  });

  r.get('/teams/:id/config', (req, res) => {
    res.json(teamConfig(db, id(req.params.id)));
  });
  r.patch('/teams/:id/config', admin, (req, res) => {
    const body = TeamConfigRequestSchema.parse(req.body);
    const cfg = updateTeamConfig(db, id(req.params.id), {
      businessHours: body.businessHours as BusinessSchedule | null | undefined,
      settings: body.settings,
    });
    ctx.sla.refreshAll();
    res.json(cfg);
  });
  return r;
}
