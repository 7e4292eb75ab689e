import { Router } from 'express';
import { EventsQuerySchema } from '../../../shared/schemas/events';
import { eventsAfter } from '../../services/events';
import { authOf } from '../authMiddleware';
import type { AppContext } from '../context';

/** Catch-up for reconnecting clients: everything after a sequence the agent may see. */
export function eventRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/events', (req, res) => {
    const q = EventsQuerySchema.parse(req.query);
    res.json(eventsAfter(ctx.deps.db, authOf(req).viewer, q.after, q.limit));
  });
  return r;
}
