import { Router } from 'express';
import { WhisperRequestSchema } from '#shared/schemas/monitor';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';
import { monitorViews, openMonitor, whisper } from '#server/services/monitor';

/** Supervisor live monitor: open a thread read-only (audited), see who did, whisper to the agent. */
export function monitorRoutes(ctx: AppContext): Router {
  const r = Router();
  const { deps } = ctx;
  r.post('/threads/:id/monitor', requireRole('lead'), (req, res) => {
    const auth = authOf(req);
    res.json(openMonitor(deps, { viewer: auth.viewer, sessionHash: auth.idHash }, idParam(req.params.id)));
  });
  r.get('/threads/:id/monitor-views', requireRole('lead'), (req, res) => {
    res.json(monitorViews(deps.db, authOf(req).viewer, idParam(req.params.id)));
  });
  r.post('/threads/:id/whispers', requireRole('lead'), (req, res) => {
    const body = WhisperRequestSchema.parse(req.body);
    res.status(201).json(whisper(deps, authOf(req).viewer, idParam(req.params.id), body));
  });
  return r;
}
