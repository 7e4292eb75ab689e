// Reviews (scorecards live in scorecards.ts): supervisors and leads score episodes, agents read and
// acknowledge their own reviews. Review scores feed the reports (figure `review`).
import { and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import { agents, customers, episodes, messages, reviews, scorecards, threads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { scoreProblem, weightedScore } from '#server/domain/reports/scorecard';
import { ConflictError, ForbiddenError, HttpError, NotFoundError } from '#server/errors';
import { hasRole } from '#shared/schemas/common';
import type { Review } from '#shared/schemas/reviews';
import type { z } from 'zod';
import type { ReviewRequestSchema } from '#shared/schemas/reviews';
import { scorecardForReview } from './scorecards';
import { requireAccess } from '#server/services/threadQueries';
import { mapByIds } from '#server/services/byIds';

/**
 * Score an episode against a rubric, with comments on its messages. The reviewed agent is whoever
 * resolved the episode (else its assignee); the reviewer must be able to see the thread.
 */
export function createReview(db: Db, viewer: Viewer, input: z.infer<typeof ReviewRequestSchema>, now: number): Review {
  const card = scorecardForReview(db, input.scorecardId);
  const ep = db.select().from(episodes).where(eq(episodes.id, input.episodeId)).get();
  if (!ep) throw new NotFoundError(`episode ${input.episodeId} not found`);
  const thread = db.select().from(threads).where(eq(threads.id, ep.threadId)).get()!;
  requireAccess(viewer, { teamId: ep.teamId ?? thread.teamId, assigneeId: thread.assigneeId });
  const agentId = ep.resolvedBy ?? ep.assigneeId;
  if (agentId === null)
    throw new ConflictError('nobody resolved or was assigned this episode: there is no one to review');
  const problem = scoreProblem(card.criteria, input.scores);
  if (problem) throw new HttpError(400, problem);
  const ids = input.comments.map((c) => c.messageId).filter((x): x is number => x !== null);
  if (ids.length) {
    const found = db
      .select({ id: messages.id })
      .from(messages)
      .where(and(inArray(messages.id, ids), eq(messages.episodeId, ep.id)))
      .all();
    if (found.length !== new Set(ids).size)
      throw new HttpError(400, 'a comment points at a message outside this episode');
  }
  const row = db
    .insert(reviews)
    .values({
      scorecardId: card.id,
      episodeId: ep.id,
      threadId: ep.threadId,
      agentId,
      teamId: ep.teamId,
      reviewerId: viewer.id,
      scores: input.scores,
      score: weightedScore(card.criteria, input.scores),
      comments: input.comments,
      createdAt: now,
    })
    .returning({ id: reviews.id })
    .get();
  return loadReviews(db, eq(reviews.id, row.id))[0];
}

/**
 * Reviews a viewer may read: agents only their own (another agent's is a 403), leads those of their
 * teams' episodes, supervisors and admins all.
 */
export function listReviews(db: Db, viewer: Viewer, q: { agentId?: number; from?: number; to?: number }): Review[] {
  const lead = hasRole(viewer.role, 'lead');
  if (!lead && q.agentId !== undefined && q.agentId !== viewer.id)
    throw new ForbiddenError('agents can only see their own reviews');
  const agentId = lead ? q.agentId : viewer.id;
  const conds: Array<SQL | undefined> = [
    agentId === undefined ? undefined : eq(reviews.agentId, agentId),
    q.from === undefined ? undefined : gte(reviews.createdAt, q.from),
    q.to === undefined ? undefined : lt(reviews.createdAt, q.to),
  ];
  const all = loadReviews(db, and(...conds));
  if (!lead || hasRole(viewer.role, 'supervisor')) return all;
  return all.filter((r) => r.agentId === viewer.id || (r.teamId !== null && viewer.teamIds.includes(r.teamId)));
}

/** The reviewed agent acknowledges a review (once; later calls keep the first time). */
export function acknowledgeReview(db: Db, viewer: Viewer, id: number, now: number): Review {
  const row = db.select().from(reviews).where(eq(reviews.id, id)).get();
  if (!row) throw new NotFoundError(`review ${id} not found`);
  if (row.agentId !== viewer.id) throw new ForbiddenError('only the reviewed agent acknowledges a review');
  if (row.acknowledgedAt === null) db.update(reviews).set({ acknowledgedAt: now }).where(eq(reviews.id, id)).run();
  return loadReviews(db, eq(reviews.id, id))[0];
}

function loadReviews(db: Db, where: SQL | undefined): Review[] {
  const rows = db
    .select({ r: reviews, card: scorecards, reviewer: agents.name, customer: customers.name })
    .from(reviews)
    .innerJoin(scorecards, eq(scorecards.id, reviews.scorecardId))
    .innerJoin(agents, eq(agents.id, reviews.reviewerId))
    .innerJoin(threads, eq(threads.id, reviews.threadId))
    .innerJoin(customers, eq(customers.id, threads.customerId))
    .where(where)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(500)
    .all();
  const commented = rows.flatMap((x) => x.r.comments.map((c) => c.messageId)).filter((x): x is number => x !== null);
  const excerpts = mapByIds(commented, (ids) =>
    db
      .select({ id: messages.id, text: messages.text })
      .from(messages)
      .where(inArray(messages.id, ids))
      .all()
      .map((m): [number, string] => [m.id, m.text.slice(0, 160)]),
  );
  return rows.map(({ r, card, reviewer, customer }) => ({
    id: r.id,
    scorecardId: card.id,
    scorecardName: card.name,
    episodeId: r.episodeId,
    threadId: r.threadId,
    customerName: customer,
    agentId: r.agentId,
    teamId: r.teamId,
    reviewerId: r.reviewerId,
    reviewerName: reviewer,
    criteria: card.criteria,
    scores: r.scores,
    score: r.score,
    comments: r.comments.map((c) => ({
      ...c,
      messageExcerpt: c.messageId === null ? null : (excerpts.get(c.messageId) ?? null),
    })),
    createdAt: r.createdAt,
    acknowledgedAt: r.acknowledgedAt,
  }));
}
