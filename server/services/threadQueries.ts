import { and, eq } from 'drizzle-orm';
import { episodes } from '#server/db/schema';
import { toCustomer, toThreadSummary, type ThreadRow } from '#server/db/mappers';
import type { Customer } from '#shared/schemas/customer';
import type { ThreadSummary } from '#shared/schemas/thread';
import type { Db } from '#server/db/connection';
import type { Tx } from './tx';
import { ForbiddenError, NotFoundError } from '#server/errors';
import { canSeeThread, roomsForThread, type Viewer } from '#server/domain/access';
import { threadSla } from './sla';
import { statements } from '#server/db/statements';
import { customerHint } from '#shared/identityLabel';

/** Either the database or a running transaction: both read the same way. */
export type Reader = Db | Tx;

/** Refuse unless the viewer may see this thread (or the customer who owns it). */
export function requireAccess(
  viewer: Viewer,
  row: Pick<ThreadRow, 'teamId' | 'assigneeId'>,
  what: 'thread' | 'customer' = 'thread',
): void {
  if (!canSeeThread(viewer, row)) throw new ForbiddenError(`you cannot access this ${what}`);
}

/** Load a live (not merged-away) thread the viewer may act on, or throw. */
export function visibleThread(r: Reader, viewer: Viewer, threadId: number): ThreadRow {
  const row = getThreadRow(r, threadId);
  if (row.mergedIntoThreadId !== null)
    throw new NotFoundError(`thread ${threadId} was merged into ${row.mergedIntoThreadId}`);
  requireAccess(viewer, row);
  return row;
}

/** Load a thread row or throw NotFoundError. */
export function getThreadRow(r: Reader, threadId: number): ThreadRow {
  const row = statements(r).threadById.get({ id: threadId });
  if (!row) throw new NotFoundError(`thread ${threadId} not found`);
  return row;
}

/** Build the list/event summary for a thread row, with its SLA badge as of `now`. */
export function summarize(r: Reader, row: ThreadRow, now: number): ThreadSummary {
  const c = statements(r).customerName.get({ id: row.customerId });
  const hint = customerHint(statements(r).identitiesOfCustomer.all({ customerId: row.customerId }));
  return toThreadSummary(row, { id: row.customerId, name: c?.name ?? '?', hint }, threadSla(r, row, now));
}

/** Load a customer with identities, or throw NotFoundError. */
export function getCustomer(r: Reader, customerId: number): Customer {
  const c = statements(r).customerById.get({ id: customerId });
  if (!c) throw new NotFoundError(`customer ${customerId} not found`);
  return toCustomer(c, statements(r).identitiesOfCustomer.all({ customerId }));
}

/** The live (not merged-away) thread of a customer, if any. */
export function threadOfCustomer(r: Reader, customerId: number): ThreadRow | undefined {
  return statements(r).threadByCustomer.get({ customerId });
}

/** The episode rows of a thread, oldest first. */
export function episodesOf(r: Reader, threadId: number) {
  return statements(r).episodesOfThread.all({ threadId });
}

/** Socket rooms for a thread row. */
export function roomsOf(row: Pick<ThreadRow, 'teamId' | 'assigneeId'>): string[] {
  return roomsForThread({ teamId: row.teamId, assigneeId: row.assigneeId });
}

/** The current episode row of a thread (the open one, or the last resolved). */
export function currentEpisode(r: Reader, row: ThreadRow) {
  if (row.currentEpisodeId === null) return undefined;
  return r
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, row.currentEpisodeId), eq(episodes.threadId, row.id)))
    .get();
}
