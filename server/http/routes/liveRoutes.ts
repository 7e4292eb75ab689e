import { Router } from 'express';
import { BoardQuerySchema, LiveAssignSchema, LiveMoveSchema, LivePresenceSchema } from '#shared/schemas/liveBoard';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { readBoard } from '#server/services/liveBoard';
import { liveAssign, liveMove, livePresence } from '#server/services/liveAssign';

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
  r.post('/live/move', requireRole('lead'), (req, res) => {
    const auth = authOf(req);
    res.json(liveMove(ctx.deps, { viewer: auth.viewer, sessionHash: auth.idHash }, LiveMoveSchema.parse(req.body)));
  });
  r.post('/live/presence', requireRole('lead'), (req, res) => {
    const auth = authOf(req);
    const body = LivePresenceSchema.parse(req.body);
    const presence = livePresence(ctx.deps, { viewer: auth.viewer, sessionHash: auth.idHash }, body, (id, p) =>
      ctx.realtime.setPresence(id, p),
    );
    res.json({ agentId: body.agentId, presence });
  });
  return r;
}
