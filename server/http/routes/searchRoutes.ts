import { Router } from 'express';
import { SearchQuerySchema } from '#shared/schemas/search';
import { searchMessages } from '#server/services/search/messages';
import { authOf } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';

/** Message search: every role may search; hits are limited to threads the viewer may open. */
export function searchRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  r.get('/search', (req, res) => {
    const q = SearchQuerySchema.parse(req.query);
    res.json(searchMessages(db, authOf(req).viewer, q, now()));
  });
  return r;
}
