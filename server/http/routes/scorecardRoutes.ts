import type { Request, Router } from 'express';
import {
  ScorecardListQuerySchema,
  ScorecardPatchSchema,
  ScorecardRequestSchema,
  type Scorecard,
} from '#shared/schemas/reviews';
import {
  copyScorecard,
  createScorecard,
  getScorecard,
  listScorecards,
  setScorecardArchived,
  updateScorecard,
} from '#server/services/reviews/scorecards';
import { authOf } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';
import { idParam } from '#server/http/params';
import { routeModule } from '#server/http/routeModule';

/**
 * Scorecards: anyone reads those in use (`?archived=include` adds archived ones); admins define,
 * rename, change while unreviewed, archive and restore them, and copy one into a new rubric; every
 * change is audited.
 */
export function scorecardRoutes(ctx: AppContext): Router {
  const { r, db, now, admin } = routeModule(ctx);
  const record = (req: Request, action: 'created' | 'updated' | 'archived' | 'unarchived', detail: object) =>
    audit(ctx, req, { action: `scorecard.${action}`, detail: { ...detail } });
  const summary = (s: Scorecard) => ({ scorecardId: s.id, name: s.name, criteria: s.criteria });

  r.get('/scorecards', (req, res) => {
    res.json({ items: listScorecards(db, ScorecardListQuerySchema.parse(req.query)) });
  });
  r.post('/scorecards', admin, (req, res) => {
    const created = createScorecard(db, authOf(req).viewer, ScorecardRequestSchema.parse(req.body), now());
    record(req, 'created', summary(created));
    res.status(201).json(created);
  });
  r.patch('/scorecards/:id', admin, (req, res) => {
    const id = idParam(req.params.id);
    const patch = ScorecardPatchSchema.parse(req.body);
    const before = getScorecard(db, id);
    const after = updateScorecard(db, id, patch);
    record(req, 'updated', { scorecardId: id, before: { name: before.name, criteria: before.criteria }, patch });
    res.json(after);
  });
  for (const [path, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const)
    r.post(`/scorecards/:id/${path}`, admin, (req, res) => {
      const { scorecard, changed } = setScorecardArchived(db, idParam(req.params.id), archived, now());
      if (changed)
        record(req, archived ? 'archived' : 'unarchived', { scorecardId: scorecard.id, name: scorecard.name });
      res.json(scorecard);
    });
  r.post('/scorecards/:id/copy', admin, (req, res) => {
    const id = idParam(req.params.id);
    const body = ScorecardRequestSchema.parse(req.body);
    const { scorecard, archived } = copyScorecard(db, authOf(req).viewer, id, body, now());
    if (archived) record(req, 'archived', { scorecardId: id, name: getScorecard(db, id).name });
    record(req, 'created', { ...summary(scorecard), copiedFrom: id });
    res.status(201).json(scorecard);
  });
  return r;
}
