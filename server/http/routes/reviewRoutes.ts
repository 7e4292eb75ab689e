import { Router } from 'express';
import {
  ReviewListQuerySchema,
  ReviewQueueQuerySchema,
  ReviewRequestSchema,
  ScorecardRequestSchema,
} from '#shared/schemas/reviews';
import {
  acknowledgeReview,
  createReview,
  createScorecard,
  listReviews,
  listScorecards,
} from '#server/services/reviews/reviews';
import { reviewQueue } from '#server/services/reviews/reviewQueue';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';

/**
 * Scorecards (anyone reads them, admins define them), reviews (leads and above score episodes they can
 * see; agents read and acknowledge their own), and the review queue (leads and above).
 */
export function reviewRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;

  r.get('/scorecards', (_req, res) => {
    res.json({ items: listScorecards(db) });
  });
  r.post('/scorecards', requireRole('admin'), (req, res) => {
    res.status(201).json(createScorecard(db, authOf(req).viewer, ScorecardRequestSchema.parse(req.body), now()));
  });
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
