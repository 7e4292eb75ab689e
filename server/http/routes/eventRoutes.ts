import { Router } from 'express';
import { EventsQuerySchema } from '#shared/schemas/events';
import { eventsAfter, lastEventSeq } from '#server/services/events';
import { authOf } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';

/** Catch-up for reconnecting clients: everything after a sequence the agent may see. */
export function eventRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/events/head', (_req, res) => {
    res.json({ lastSeq: lastEventSeq(ctx.deps.db) });
  });
  r.get('/events', (req, res) => {
    const q = EventsQuerySchema.parse(req.query);
    res.json(eventsAfter(ctx.deps.db, authOf(req).viewer, q.after, q.limit));
  });
  return r;
}
