import { Router } from 'express';
import { SlaPolicyRequestSchema } from '#shared/schemas/metrics';
import { createSlaPolicy, deleteSlaPolicy, listSlaPolicies, updateSlaPolicy } from '#server/services/sla';
import { requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';
import { idParam } from '#server/http/params';

/** SLA policies: everyone reads them (badges), admins change them; every change re-plans the SLA timers. */
export function slaPolicyRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const admin = requireRole('admin');

  r.get('/sla-policies', (_req, res) => {
    res.json({ items: listSlaPolicies(db) });
  });
  r.post('/sla-policies', admin, (req, res) => {
    const p = createSlaPolicy(db, SlaPolicyRequestSchema.parse(req.body), now());
    audit(ctx, req, { action: 'settings.changed', detail: { slaPolicy: p.id, created: p } });
    ctx.sla.refreshAll(true);
    res.status(201).json(p);
  });
  r.put('/sla-policies/:id', admin, (req, res) => {
    const p = updateSlaPolicy(db, idParam(req.params.id), SlaPolicyRequestSchema.parse(req.body));
    audit(ctx, req, { action: 'settings.changed', detail: { slaPolicy: p.id, updated: p } });
    ctx.sla.refreshAll(true);
    res.json(p);
  });
  r.delete('/sla-policies/:id', admin, (req, res) => {
    const id = idParam(req.params.id);
    deleteSlaPolicy(db, id);
    audit(ctx, req, { action: 'settings.changed', detail: { slaPolicy: id, deleted: true } });
    ctx.sla.refreshAll(true);
    res.json({ ok: true });
  });
  return r;
}
