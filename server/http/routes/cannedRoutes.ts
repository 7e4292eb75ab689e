import { Router } from 'express';
import { CreateCannedRequestSchema, UpdateCannedRequestSchema } from '#shared/schemas/canned';
import { IdParamSchema } from '#shared/schemas/common';
import { createCanned, deleteCanned, listCanned, updateCanned } from '#server/services/cannedResponses';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';

/** Canned responses: every agent reads them; leads and admins manage them. */
export function cannedRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const id = (raw: unknown) => IdParamSchema.parse(raw);
  const lead = requireRole('lead');

  r.get('/canned-responses', (req, res) => {
    res.json({ items: listCanned(db, authOf(req).viewer) });
  });
  r.post('/canned-responses', lead, (req, res) => {
    res.status(201).json(createCanned(db, authOf(req).viewer, CreateCannedRequestSchema.parse(req.body), now()));
  });
  r.patch('/canned-responses/:id', lead, (req, res) => {
    res.json(updateCanned(db, authOf(req).viewer, id(req.params.id), UpdateCannedRequestSchema.parse(req.body)));
  });
  r.delete('/canned-responses/:id', lead, (req, res) => {
    deleteCanned(db, authOf(req).viewer, id(req.params.id));
    res.json({ ok: true });
  });
  return r;
}
