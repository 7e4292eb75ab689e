import { Router } from 'express';
import { AuditQuerySchema } from '#shared/schemas/audit';
import { listAudit } from '#server/services/audit';
import { requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';

/** The audit log, read-only, for admins. There is no route that edits or deletes an entry. */
export function auditRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/audit', requireRole('admin'), (req, res) => {
    res.json(listAudit(ctx.deps.db, AuditQuerySchema.parse(req.query)));
  });
  return r;
}
