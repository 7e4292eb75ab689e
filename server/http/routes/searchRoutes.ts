import { Router } from 'express';
import { SearchQuerySchema } from '#shared/schemas/search';
import { searchMessages } from '#server/services/search/messages';
import { authOf } from '#server/http/authMiddleware';
import { audit } from '#server/http/audit';
import type { AppContext } from '#server/http/context';

/** Message search: every role may search; hits are limited to threads the viewer may open. */
export function searchRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db } = ctx.deps;
  r.get('/search', (req, res) => {
    const q = SearchQuerySchema.parse(req.query);
    const page = searchMessages(db, authOf(req).viewer, q);
    // One entry per search, not per page of it.
    if (!q.cursor) audit(ctx, req, { action: 'search', detail: { ...q, limit: undefined, hits: page.hits.length } });
    res.json(page);
  });
  return r;
}
