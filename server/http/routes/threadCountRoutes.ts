import { Router } from 'express';
import { countThreads } from '#server/services/threadCounts';
import { authOf } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';

/** Live counts for the inbox views (mounted before /threads/:id so "counts" is not read as an id). */
export function threadCountRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get('/threads/counts', (req, res) => {
    res.json(countThreads(ctx.deps.db, authOf(req).viewer));
  });
  return r;
}
