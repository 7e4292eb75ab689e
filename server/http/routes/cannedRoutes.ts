import { Router } from 'express';
import { CreateCannedRequestSchema, UpdateCannedRequestSchema } from '#shared/schemas/canned';
import { createCanned, deleteCanned, listCanned, updateCanned } from '#server/services/cannedResponses';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';

/** Canned responses: every agent reads them; leads and admins manage them. */
export function cannedRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const lead = requireRole('lead');

  r.get('/canned-responses', (req, res) => {
    res.json({ items: listCanned(db, authOf(req).viewer) });
  });
  r.post('/canned-responses', lead, (req, res) => {
    res.status(201).json(createCanned(db, authOf(req).viewer, CreateCannedRequestSchema.parse(req.body), now()));
  });
  r.patch('/canned-responses/:id', lead, (req, res) => {
    res.json(updateCanned(db, authOf(req).viewer, idParam(req.params.id), UpdateCannedRequestSchema.parse(req.body)));
  });
  r.delete('/canned-responses/:id', lead, (req, res) => {
    deleteCanned(db, authOf(req).viewer, idParam(req.params.id));
    res.json({ ok: true });
  });
  return r;
}
