import { and, desc, eq, gt, inArray, isNull, type SQL } from 'drizzle-orm';
import { customers, episodes, identities, merges, messages, threads, type MergeMoves } from '#server/db/schema';
import type { ThreadRow } from '#server/db/mappers';
import type { Viewer } from '#server/domain/access';
import type { MergeRecord } from '#shared/schemas/customer';
import type { ServiceDeps } from './deps';
import { refreshThreadDerived } from './threadDerived';
import { getCustomer, requireAccess, roomsOf, threadOfCustomer } from './threadQueries';
import { recordSystem } from './systemEntry';
import { transact, type EmitFn, type Tx } from './tx';
import { ConflictError, NotFoundError } from '#server/errors';

/** The ids of the rows of `table` that match `where` (what a merge is about to move). */
function idsWhere(
  tx: Tx,
  table: typeof identities | typeof messages | typeof episodes,
  where: SQL | undefined,
): number[] {
  return tx
    .select({ id: table.id })
    .from(table)
    .where(where)
    .all()
    .map((r) => r.id);
}

const STATUS_WEIGHT = { open: 3, pending: 2, snoozed: 1, resolved: 0 } as const;

function liveThread(tx: Tx, viewer: Viewer, customerId: number): ThreadRow {
  const c = tx.select().from(customers).where(eq(customers.id, customerId)).get();
  if (!c) throw new NotFoundError(`customer ${customerId} not found`);
  if (c.mergedIntoId !== null)
    throw new ConflictError(`customer ${customerId} is already merged into ${c.mergedIntoId}`);
  const t = threadOfCustomer(tx, customerId);
  if (!t) throw new NotFoundError(`customer ${customerId} has no thread`);
  requireAccess(viewer, t, 'customer');
  return t;
}

function emitCustomer(tx: Tx, emit: EmitFn, customerId: number, thread: ThreadRow): void {
  emit(
    { type: 'customer.updated', customer: getCustomer(tx, customerId), threadId: thread.id },
    roomsOf(thread),
    thread.id,
  );
}

/** Merge the source customer into the target: identities, history and episodes move; recorded for unmerge. */
export function mergeCustomers(deps: ServiceDeps, viewer: Viewer, targetId: number, sourceId: number): MergeRecord {
  if (targetId === sourceId) throw new ConflictError('cannot merge a customer into itself');
  return transact(deps, (tx, emit) => {
    const now = deps.now();
    const target = liveThread(tx, viewer, targetId);
    const source = liveThread(tx, viewer, sourceId);
    const moves: MergeMoves = {
      identityIds: idsWhere(tx, identities, eq(identities.customerId, sourceId)),
      messageIds: idsWhere(tx, messages, eq(messages.threadId, source.id)),
      episodeIds: idsWhere(tx, episodes, eq(episodes.threadId, source.id)),
      sourceThreadId: source.id,
      targetThreadId: target.id,
      sourceThread: pickThread(source),
      targetThread: {
        status: target.status,
        snoozedUntil: target.snoozedUntil,
        assigneeId: target.assigneeId,
        currentEpisodeId: target.currentEpisodeId,
      },
    };
    tx.update(identities).set({ customerId: targetId }).where(eq(identities.customerId, sourceId)).run();
    tx.update(messages).set({ threadId: target.id }).where(eq(messages.threadId, source.id)).run();
    tx.update(episodes).set({ threadId: target.id }).where(eq(episodes.threadId, source.id)).run();
    const sourceWins = STATUS_WEIGHT[source.status] > STATUS_WEIGHT[target.status];
    tx.update(threads)
      .set({
        status: sourceWins ? source.status : target.status,
        snoozedUntil: sourceWins ? source.snoozedUntil : target.snoozedUntil,
        currentEpisodeId: sourceWins ? source.currentEpisodeId : target.currentEpisodeId,
        assigneeId: target.assigneeId ?? source.assigneeId,
        teamId: target.teamId ?? source.teamId,
      })
      .where(eq(threads.id, target.id))
      .run();
    tx.update(threads).set({ mergedIntoThreadId: target.id, updatedAt: now }).where(eq(threads.id, source.id)).run();
    const src = tx.select().from(customers).where(eq(customers.id, sourceId)).get()!;
    const tgt = tx.select().from(customers).where(eq(customers.id, targetId)).get()!;
    tx.update(customers).set({ mergedIntoId: targetId, updatedAt: now }).where(eq(customers.id, sourceId)).run();
    tx.update(customers)
      .set({
        tags: [...new Set([...tgt.tags, ...src.tags])],
        notes: [tgt.notes, src.notes].filter(Boolean).join('\n\n'),
        updatedAt: now,
      })
      .where(eq(customers.id, targetId))
      .run();
    const record = tx
      .insert(merges)
      .values({
        targetCustomerId: targetId,
        sourceCustomerId: sourceId,
        agentId: viewer.id,
        moved: moves,
        createdAt: now,
      })
      .returning()
      .get();
    const after = refreshThreadDerived(tx, target.id, now);
    emit({ type: 'thread.removed', threadId: source.id, mergedIntoThreadId: target.id }, roomsOf(source), source.id);
    recordSystem(tx, emit, now, target, after, 'merged', `Customer “${src.name}” was merged into “${tgt.name}”`, {
      actorId: viewer.id,
      mergeId: record.id,
      sourceCustomerId: sourceId,
    });
    emitCustomer(tx, emit, targetId, after);
    return { ...toRecord(record), sourceName: src.name };
  });
}

function pickThread(t: ThreadRow): MergeMoves['sourceThread'] {
  return {
    status: t.status,
    snoozedUntil: t.snoozedUntil,
    assigneeId: t.assigneeId,
    teamId: t.teamId,
    priority: t.priority,
    currentEpisodeId: t.currentEpisodeId,
  };
}

function toRecord(r: typeof merges.$inferSelect): Omit<MergeRecord, 'sourceName'> {
  return {
    id: r.id,
    targetCustomerId: r.targetCustomerId,
    sourceCustomerId: r.sourceCustomerId,
    agentId: r.agentId,
    createdAt: r.createdAt,
    undoneAt: r.undoneAt,
  };
}

/** Undo a merge: the moved identities, their history (including messages that arrived since) and episodes go back. */
export function unmergeCustomers(deps: ServiceDeps, viewer: Viewer, mergeId: number): MergeRecord {
  return transact(deps, (tx, emit) => {
    const now = deps.now();
    const record = tx.select().from(merges).where(eq(merges.id, mergeId)).get();
    if (!record) throw new NotFoundError(`merge ${mergeId} not found`);
    if (record.undoneAt !== null) throw new ConflictError('this merge was already undone');
    const later = tx
      .select({ id: merges.id })
      .from(merges)
      .where(
        and(eq(merges.sourceCustomerId, record.targetCustomerId), gt(merges.id, record.id), isNull(merges.undoneAt)),
      )
      .get();
    if (later) throw new ConflictError('the merged customer was merged again since; undo that first');
    const moves = record.moved;
    const target = tx.select().from(threads).where(eq(threads.id, moves.targetThreadId)).get();
    const source = tx.select().from(threads).where(eq(threads.id, moves.sourceThreadId)).get();
    if (!target || !source) throw new NotFoundError('merged threads no longer exist');
    requireAccess(viewer, target, 'customer');
    const arrivedSince =
      moves.identityIds.length === 0
        ? []
        : tx
            .select({ id: messages.id })
            .from(messages)
            .where(
              and(
                eq(messages.threadId, target.id),
                inArray(messages.identityId, moves.identityIds),
                gt(messages.receivedAt, record.createdAt),
              ),
            )
            .all()
            .map((r) => r.id);
    if (moves.identityIds.length > 0) {
      tx.update(identities)
        .set({ customerId: record.sourceCustomerId })
        .where(inArray(identities.id, moves.identityIds))
        .run();
    }
    if (moves.messageIds.length > 0)
      tx.update(messages).set({ threadId: source.id }).where(inArray(messages.id, moves.messageIds)).run();
    if (arrivedSince.length > 0) {
      tx.update(messages)
        .set({ threadId: source.id, episodeId: moves.sourceThread.currentEpisodeId })
        .where(inArray(messages.id, arrivedSince))
        .run();
    }
    if (moves.episodeIds.length > 0)
      tx.update(episodes).set({ threadId: source.id }).where(inArray(episodes.id, moves.episodeIds)).run();
    tx.update(threads)
      .set({ ...moves.sourceThread, mergedIntoThreadId: null })
      .where(eq(threads.id, source.id))
      .run();
    if (target.currentEpisodeId !== null && moves.episodeIds.includes(target.currentEpisodeId)) {
      tx.update(threads).set(moves.targetThread).where(eq(threads.id, target.id)).run();
    }
    tx.update(customers)
      .set({ mergedIntoId: null, updatedAt: now })
      .where(eq(customers.id, record.sourceCustomerId))
      .run();
    const done = tx
      .update(merges)
      .set({ undoneAt: now, undoneBy: viewer.id })
      .where(eq(merges.id, mergeId))
      .returning()
      .get();
    const srcAfter = refreshThreadDerived(tx, source.id, now);
    const tgtAfter = refreshThreadDerived(tx, target.id, now);
    const src = tx.select().from(customers).where(eq(customers.id, record.sourceCustomerId)).get()!;
    recordSystem(tx, emit, now, target, tgtAfter, 'unmerged', `Customer “${src.name}” was split off again`, {
      actorId: viewer.id,
      mergeId,
    });
    recordSystem(
      tx,
      emit,
      now,
      source,
      srcAfter,
      'unmerged',
      `Restored from the merge with customer #${record.targetCustomerId}`,
      { actorId: viewer.id, mergeId },
    );
    emitCustomer(tx, emit, record.targetCustomerId, tgtAfter);
    emitCustomer(tx, emit, record.sourceCustomerId, srcAfter);
    return { ...toRecord(done), sourceName: src.name };
  });
}

/** Merges involving a customer, newest first, for the audit trail. */
export function listMerges(deps: ServiceDeps, customerId: number): MergeRecord[] {
  const rows = deps.db
    .select({ m: merges, sourceName: customers.name })
    .from(merges)
    .innerJoin(customers, eq(customers.id, merges.sourceCustomerId))
    .where(eq(merges.targetCustomerId, customerId))
    .orderBy(desc(merges.id))
    .all();
  return rows.map((r) => ({ ...toRecord(r.m), sourceName: r.sourceName }));
}
