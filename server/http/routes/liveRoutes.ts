import { Router } from 'express';
import { BoardQuerySchema, LiveAssignSchema } from '#shared/schemas/liveBoard';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { readBoard } from '#server/services/liveBoard';
import { liveAssign } from '#server/services/liveAssign';

/** The floor board: its snapshot (kept live by `live.board` socket deltas) and acting from it. */
export function liveRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/live/board', requireRole('lead'), (req, res) => {
    const { teamId } = BoardQuerySchema.parse(req.query);
    res.json(readBoard(ctx.deps.db, authOf(req).viewer, ctx.realtime.presence, ctx.deps.now(), teamId));
  });
  r.post('/live/assign', requireRole('lead'), (req, res) => {
    const auth = authOf(req);
    res.json(liveAssign(ctx.deps, { viewer: auth.viewer, sessionHash: auth.idHash }, LiveAssignSchema.parse(req.body)));
  });
  return r;
}
