// Scorecards (rubrics): admins define, rename, re-weigh and archive them. A rubric's criteria are fixed
// once a review was scored against it, so every past review keeps the rubric it was scored on; to
// change them, an admin archives it and works on a copy (docs/reports.md, "Scorecards").
import { count, desc, eq, isNull } from 'drizzle-orm';
import { reviews, scorecards, type CriterionRow } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { Reader } from '#server/services/threadQueries';
import type { Viewer } from '#server/domain/access';
import { ConflictError, HttpError, NotFoundError } from '#server/errors';
import type { Scorecard } from '#shared/schemas/reviews';
import type { z } from 'zod';
import type { ScorecardPatchSchema, ScorecardRequestSchema } from '#shared/schemas/reviews';
import { isUniqueViolation } from '#server/services/tx';

type ScorecardRow = typeof scorecards.$inferSelect;
type ScorecardInput = z.infer<typeof ScorecardRequestSchema>;

/** Rubrics, newest first: those in use, or (`archived: 'include'`) archived ones too. */
export function listScorecards(
  db: Reader,
  q: { archived: 'exclude' | 'include' } = { archived: 'exclude' },
): Scorecard[] {
  const used = reviewCounts(db);
  return db
    .select()
    .from(scorecards)
    .where(q.archived === 'include' ? undefined : isNull(scorecards.archivedAt))
    .orderBy(desc(scorecards.id))
    .all()
    .map((row) => toScorecard(row, used.get(row.id) ?? 0));
}

/** One rubric, archived or not (404 when there is none). */
export function getScorecard(db: Reader, id: number): Scorecard {
  const row = db.select().from(scorecards).where(eq(scorecards.id, id)).get();
  if (!row) throw new NotFoundError(`scorecard ${id} not found`);
  return toScorecard(row, reviewCount(db, id));
}

/** Define a rubric (admins; the route checks the role). A second rubric with the same name is a 409. */
export function createScorecard(db: Reader, viewer: Viewer, input: ScorecardInput, now: number): Scorecard {
  const row = uniqueName(input.name, () =>
    db
      .insert(scorecards)
      .values({ name: input.name, criteria: input.criteria, createdBy: viewer.id, createdAt: now })
      .returning()
      .get(),
  );
  return toScorecard(row, 0);
}

/**
 * Rename a rubric or change its criteria. Criteria that differ from the stored ones are refused
 * (409 `scorecard_in_use`) once a review uses the rubric: its scores are one value per criterion in
 * order, and the review shows the rubric's labels and weights, so changing them would rewrite it.
 */
export function updateScorecard(db: Reader, id: number, patch: z.infer<typeof ScorecardPatchSchema>): Scorecard {
  const before = getScorecard(db, id);
  const criteriaChange = patch.criteria !== undefined && !sameCriteria(before.criteria, patch.criteria);
  if (criteriaChange && before.reviewCount > 0)
    throw new HttpError(
      409,
      `${before.reviewCount} review(s) were scored with “${before.name}”, so its criteria can no longer change; ` +
        'archive it and make a copy with the new criteria instead (the name can still change)',
      'scorecard_in_use',
    );
  const set: Partial<ScorecardRow> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (criteriaChange) set.criteria = patch.criteria;
  if (Object.keys(set).length > 0)
    uniqueName(patch.name ?? before.name, () => db.update(scorecards).set(set).where(eq(scorecards.id, id)).run());
  return getScorecard(db, id);
}

/** Archive (`archived: true`, keeping the first time) or restore a rubric; says whether anything changed. */
export function setScorecardArchived(
  db: Reader,
  id: number,
  archived: boolean,
  now: number,
): { scorecard: Scorecard; changed: boolean } {
  const before = getScorecard(db, id);
  const changed = (before.archivedAt !== null) !== archived;
  if (changed)
    db.update(scorecards)
      .set({ archivedAt: archived ? now : null })
      .where(eq(scorecards.id, id))
      .run();
  return { scorecard: getScorecard(db, id), changed };
}

/**
 * "Archive and copy": in one transaction, archive a rubric (if it is not yet) and create a new one
 * under another name with the given criteria. Past reviews stay with the archived original.
 */
export function copyScorecard(
  db: Db,
  viewer: Viewer,
  id: number,
  input: ScorecardInput,
  now: number,
): { scorecard: Scorecard; archived: boolean } {
  return db.transaction((tx) => {
    const { changed } = setScorecardArchived(tx, id, true, now);
    return { scorecard: createScorecard(tx, viewer, input, now), archived: changed };
  });
}

/** The scorecard refused for a new review: missing (404) or archived (409). */
export function scorecardForReview(db: Reader, id: number): ScorecardRow {
  const card = db.select().from(scorecards).where(eq(scorecards.id, id)).get();
  if (!card) throw new NotFoundError(`scorecard ${id} not found`);
  if (card.archivedAt !== null)
    throw new ConflictError(`scorecard “${card.name}” is archived: new reviews use a scorecard in use`);
  return card;
}

function toScorecard(row: ScorecardRow, reviewCount: number): Scorecard {
  const { id, name, criteria, createdAt, archivedAt } = row;
  return { id, name, criteria, createdAt, archivedAt, reviewCount };
}

function reviewCounts(db: Reader): Map<number, number> {
  const rows = db.select({ id: reviews.scorecardId, n: count() }).from(reviews).groupBy(reviews.scorecardId).all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

function reviewCount(db: Reader, id: number): number {
  return db.select({ n: count() }).from(reviews).where(eq(reviews.scorecardId, id)).get()?.n ?? 0;
}

/** Same labels, weights and scales in the same order. */
function sameCriteria(a: readonly CriterionRow[], b: readonly CriterionRow[]): boolean {
  const key = (cs: readonly CriterionRow[]) => JSON.stringify(cs.map((c) => [c.label, c.weight, c.scale]));
  return key(a) === key(b);
}

/** Run a write that may take a name another rubric has: that is a 409 with the name. */
function uniqueName<T>(name: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`a scorecard named ${name} already exists`);
    throw err;
  }
}
