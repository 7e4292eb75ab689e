import { asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { cannedResponses } from '#server/db/schema';
import { hasRole } from '#shared/schemas/common';
import type { CannedResponse } from '#shared/schemas/canned';
import type { Viewer } from '#server/domain/access';
import type { Db } from '#server/db/connection';
import { isUniqueViolation } from './tx';
import { ConflictError, ForbiddenError, NotFoundError } from '#server/errors';

type CannedRow = typeof cannedResponses.$inferSelect;

/** Fields of a new canned-response variant (already validated by the shared schema). */
export interface NewCanned {
  shortcut: string;
  language: string;
  title: string;
  body: string;
  teamId: number | null;
}

function toCanned(r: CannedRow): CannedResponse {
  return {
    id: r.id,
    shortcut: r.shortcut,
    language: r.language,
    title: r.title,
    body: r.body,
    teamId: r.teamId,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

/** Team-scoped responses follow thread visibility: supervisors see all, others their teams' and global ones. */
function canUse(viewer: Viewer, teamId: number | null): boolean {
  return teamId === null || hasRole(viewer.role, 'supervisor') || viewer.teamIds.includes(teamId);
}

/** Leads manage global responses and their own teams'; admins manage every team's. */
function assertCanManage(viewer: Viewer, teamId: number | null): void {
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('only leads and admins manage canned responses');
  if (teamId !== null && !hasRole(viewer.role, 'admin') && !viewer.teamIds.includes(teamId)) {
    throw new ForbiddenError('you can only manage canned responses of your own teams');
  }
}

function conflictOnDuplicate<T>(fn: () => T, shortcut: string, language: string): T {
  try {
    return fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError(`/${shortcut} already exists in ${language}`);
    throw err;
  }
}

/** Canned responses the viewer may insert, ordered by shortcut then language. */
export function listCanned(db: Db, viewer: Viewer): CannedResponse[] {
  const scope = hasRole(viewer.role, 'supervisor')
    ? undefined
    : viewer.teamIds.length > 0
      ? or(isNull(cannedResponses.teamId), inArray(cannedResponses.teamId, viewer.teamIds))
      : isNull(cannedResponses.teamId);
  return db
    .select()
    .from(cannedResponses)
    .where(scope)
    .orderBy(asc(cannedResponses.shortcut), asc(cannedResponses.language))
    .all()
    .map(toCanned);
}

/** Create a variant; (shortcut, language) is unique. */
export function createCanned(db: Db, viewer: Viewer, input: NewCanned, now: number): CannedResponse {
  assertCanManage(viewer, input.teamId);
  const row = conflictOnDuplicate(
    () =>
      db
        .insert(cannedResponses)
        .values({ ...input, createdBy: viewer.id, createdAt: now })
        .returning()
        .get(),
    input.shortcut,
    input.language,
  );
  return toCanned(row);
}

function loadManaged(db: Db, viewer: Viewer, id: number): CannedRow {
  const row = db.select().from(cannedResponses).where(eq(cannedResponses.id, id)).get();
  if (!row || !canUse(viewer, row.teamId)) throw new NotFoundError(`canned response ${id} not found`);
  assertCanManage(viewer, row.teamId);
  return row;
}

/** Edit a variant (moving it to another team needs the right to manage that team too). */
export function updateCanned(db: Db, viewer: Viewer, id: number, patch: Partial<NewCanned>): CannedResponse {
  const row = loadManaged(db, viewer, id);
  if (patch.teamId !== undefined) assertCanManage(viewer, patch.teamId);
  if (Object.keys(patch).length === 0) return toCanned(row);
  const updated = conflictOnDuplicate(
    () => db.update(cannedResponses).set(patch).where(eq(cannedResponses.id, id)).returning().get(),
    patch.shortcut ?? row.shortcut,
    patch.language ?? row.language,
  );
  return toCanned(updated);
}

/** Delete a variant. */
export function deleteCanned(db: Db, viewer: Viewer, id: number): void {
  loadManaged(db, viewer, id);
  db.delete(cannedResponses).where(eq(cannedResponses.id, id)).run();
}
