import { Router } from 'express';
import { ReviewListQuerySchema, ReviewQueueQuerySchema, ReviewRequestSchema } from '#shared/schemas/reviews';
import { acknowledgeReview, createReview, listReviews } from '#server/services/reviews/reviews';
import { reviewQueue } from '#server/services/reviews/reviewQueue';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';

/**
 * Reviews (leads and above score episodes they can see; agents read and acknowledge their own) and the
 * review queue (leads and above). Scorecards are in scorecardRoutes.
 */
export function reviewRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;

  r.post('/reviews', requireRole('lead'), (req, res) => {
    res.status(201).json(createReview(db, authOf(req).viewer, ReviewRequestSchema.parse(req.body), now()));
  });
  r.get('/reviews/queue', requireRole('lead'), (req, res) => {
    res.json({ items: reviewQueue(db, authOf(req).viewer, ReviewQueueQuerySchema.parse(req.query), now()) });
  });
  r.get('/reviews', (req, res) => {
    res.json({ items: listReviews(db, authOf(req).viewer, ReviewListQuerySchema.parse(req.query)) });
  });
  r.post('/reviews/:id/acknowledge', (req, res) => {
    res.json(acknowledgeReview(db, authOf(req).viewer, idParam(req.params.id), now()));
  });
  return r;
}
