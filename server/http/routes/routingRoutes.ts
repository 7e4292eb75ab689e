import { Router } from 'express';
import { RoutingSchema } from '#shared/schemas/routing';
import { getRouting, setRouting } from '#server/services/settingsStore';
import { authOf, requireRole } from '#server/http/authMiddleware';
import { idParam } from '#server/http/params';
import { explainRouting } from '#server/services/routingExplain';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';

/** Channel → team routing of new threads: admins read and replace it. */
export function routingRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db } = ctx.deps;
  const admin = requireRole('admin');

  r.get('/routing', admin, (_req, res) => {
    res.json(getRouting(db));
  });
  r.put('/routing', admin, (req, res) => {
    const body = RoutingSchema.parse(req.body);
    const before = getRouting(db);
    const after = setRouting(db, body);
    audit(ctx, req, { action: 'settings.changed', detail: { routing: after, before } });
    res.json(after);
  });
  // Where a thread went and why; anyone who can open the thread may ask (403 otherwise).
  r.get('/routing/explain/:threadId', (req, res) => {
    res.json(explainRouting(db, ctx.deps, authOf(req).viewer, idParam(req.params.threadId)));
  });
  return r;
}
