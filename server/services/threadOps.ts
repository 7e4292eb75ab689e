import { and, eq, lte } from 'drizzle-orm';
import { agents, episodes, teams, threadReads, threads } from '#server/db/schema';
import { canAssignOthers, type Viewer } from '#server/domain/access';
import { onStatusChange } from '#server/domain/threadState';
import type { Priority, ThreadStatus } from '#shared/schemas/common';
import type { ThreadSummary } from '#shared/schemas/thread';
import type { ServiceDeps } from './deps';
import { openEpisode } from './ingest';
import { recordEpisodeFact } from './metricFacts';
import { trackPause } from './pause';
import { sendSurveyOnResolve } from './surveys';
import { moveToTeam, setAssignee } from './assignee';
import { agentName, recordSystem } from './systemEntry';
import { summarize, visibleThread } from './threadQueries';
import { transact } from './tx';
import { requireConfirmation, type ActGuard } from './collision';
import { ConflictError, ForbiddenError, NotFoundError } from '#server/errors';
import { updateThread } from './rowUpdates';

/**
 * Assign a thread to an agent (leads and up for others; agents only themselves) or unassign. With a
 * `guard` (agents' requests), taking a colleague's thread away needs confirming first.
 */
export function assignThread(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  agentId: number | null,
  guard?: ActGuard,
): ThreadSummary {
  return transact(deps, (tx, emit) => {
    const before = visibleThread(tx, viewer, threadId);
    const releasingSelf = agentId === null && before.assigneeId === viewer.id;
    if (agentId !== viewer.id && !releasingSelf && !canAssignOthers(viewer)) {
      throw new ForbiddenError('only leads, supervisors and admins can assign threads to others');
    }
    if (agentId !== null) {
      const target = tx.select().from(agents).where(eq(agents.id, agentId)).get();
      if (!target || !target.active) throw new NotFoundError(`agent ${agentId} not found`);
    }
    if (before.assigneeId === agentId) return summarize(tx, before, deps.now());
    if (guard) requireConfirmation(tx, before, viewer, { confirm: guard.confirm });
    const text =
      agentId === null
        ? `${agentName(tx, viewer.id)} unassigned the thread`
        : agentId === viewer.id
          ? `${agentName(tx, viewer.id)} took the thread`
          : `${agentName(tx, viewer.id)} assigned the thread to ${agentName(tx, agentId)}`;
    const after = setAssignee(tx, emit, before, agentId, deps.now(), {
      text,
      meta: { actorId: viewer.id, assigneeId: agentId },
    });
    return summarize(tx, after, deps.now());
  });
}

/** Move a thread to another team (leads and up). */
export function setThreadTeam(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  teamId: number | null,
): ThreadSummary {
  return transact(deps, (tx, emit) => {
    if (!canAssignOthers(viewer)) throw new ForbiddenError('only leads and up can move threads between teams');
    const before = visibleThread(tx, viewer, threadId);
    const team = teamId === null ? null : tx.select().from(teams).where(eq(teams.id, teamId)).get();
    if (teamId !== null && !team) throw new NotFoundError(`team ${teamId} not found`);
    if (before.teamId === teamId) return summarize(tx, before, deps.now());
    const now = deps.now();
    const after = moveToTeam(tx, before, teamId, now);
    const text = `${agentName(tx, viewer.id)} moved the thread to ${team?.name ?? 'no team'}`;
    recordSystem(tx, emit, now, before, after, 'team', text, { actorId: viewer.id, teamId });
    return summarize(tx, after, deps.now());
  });
}

/**
 * Change a thread's status: resolve ends the episode, re-opening a resolved one starts a new episode.
 * With a `guard` (agents' requests), changing a colleague's thread needs confirming first.
 */
export function setThreadStatus(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  status: ThreadStatus,
  snoozedUntil?: number,
  guard?: ActGuard,
): ThreadSummary {
  return transact(deps, (tx, emit) => {
    const before = visibleThread(tx, viewer, threadId);
    const now = deps.now();
    if (status === 'snoozed' && (snoozedUntil === undefined || snoozedUntil <= now)) {
      throw new ConflictError('snoozedUntil must be in the future');
    }
    const change = onStatusChange(before.status, status);
    if (!change) return summarize(tx, before, deps.now());
    if (guard) requireConfirmation(tx, before, viewer, { confirm: guard.confirm });
    let episodeId = before.currentEpisodeId;
    if (change.endsEpisode && episodeId !== null) {
      tx.update(episodes)
        .set({ resolvedAt: now, resolvedBy: viewer.id, assigneeId: before.assigneeId })
        .where(eq(episodes.id, episodeId))
        .run();
      recordEpisodeFact(tx, episodeId, viewer.id, now);
    }
    trackPause(tx, before.currentEpisodeId, before.teamId, before.status, change.status, now);
    if (change.startsEpisode) episodeId = openEpisode(tx, before, now);
    const after = updateThread(tx, threadId, {
      status: change.status,
      snoozedUntil: status === 'snoozed' ? (snoozedUntil as number) : null,
      currentEpisodeId: episodeId,
      waitingSince: status === 'resolved' ? null : before.waitingSince,
      updatedAt: now,
    });
    const verb =
      status === 'snoozed'
        ? `snoozed the thread until ${new Date(snoozedUntil as number).toISOString()}`
        : `set the status to ${status}`;
    recordSystem(tx, emit, now, before, after, 'status', `${agentName(tx, viewer.id)} ${verb}`, {
      actorId: viewer.id,
      status,
      snoozedUntil: snoozedUntil ?? null,
    });
    return summarize(tx, after, deps.now());
  });
}

/** Change a thread's status as an agent does; on resolve, send the team's survey. `onQueued` wakes the outbox. */
export function changeThreadStatus(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  status: ThreadStatus,
  snoozedUntil: number | undefined,
  onQueued: () => void,
  guard?: ActGuard,
): ThreadSummary {
  const after = setThreadStatus(deps, viewer, threadId, status, snoozedUntil, guard);
  if (status === 'resolved' && after.status === 'resolved' && sendSurveyOnResolve(deps, threadId)) onQueued();
  return after;
}

/** Change a thread's priority. */
export function setThreadPriority(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  priority: Priority,
): ThreadSummary {
  return transact(deps, (tx, emit) => {
    const before = visibleThread(tx, viewer, threadId);
    if (before.priority === priority) return summarize(tx, before, deps.now());
    const now = deps.now();
    const after = updateThread(tx, threadId, { priority, updatedAt: now });
    recordSystem(
      tx,
      emit,
      now,
      before,
      after,
      'priority',
      `${agentName(tx, viewer.id)} set the priority to ${priority}`,
      {
        actorId: viewer.id,
        priority,
      },
    );
    return summarize(tx, after, deps.now());
  });
}

/** Remember how far the agent has read a thread (drives unread counts). */
export function markRead(deps: ServiceDeps, viewer: Viewer, threadId: number, lastMessageId: number): void {
  deps.db.transaction((tx) => {
    visibleThread(tx, viewer, threadId);
    tx.insert(threadReads)
      .values({ agentId: viewer.id, threadId, lastReadMessageId: lastMessageId })
      .onConflictDoUpdate({
        target: [threadReads.agentId, threadReads.threadId],
        set: { lastReadMessageId: lastMessageId },
        setWhere: lte(threadReads.lastReadMessageId, lastMessageId),
      })
      .run();
  });
}

/**
 * Re-open snoozed threads whose time has come, for at most `budgetMs` of one turn (a restored
 * database may hold thousands): returns how many were woken and whether due ones remain.
 */
export function wakeSnoozedThreads(deps: ServiceDeps, budgetMs = Infinity): { woken: number; more: boolean } {
  const now = deps.now();
  const t0 = performance.now();
  const due = deps.db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.status, 'snoozed'), lte(threads.snoozedUntil, now)))
    .all();
  let woken = 0;
  for (const { id } of due) {
    // At least one per call, so a zero budget still makes progress.
    if (woken > 0 && performance.now() - t0 >= budgetMs) return { woken, more: true };
    transact(deps, (tx, emit) => {
      const before = tx.select().from(threads).where(eq(threads.id, id)).get();
      if (!before || before.status !== 'snoozed') return;
      trackPause(tx, before.currentEpisodeId, before.teamId, 'snoozed', 'open', now);
      const after = updateThread(tx, id, { status: 'open', snoozedUntil: null, updatedAt: now });
      recordSystem(tx, emit, now, before, after, 'status', 'Snooze ended: the thread is open again', {
        status: 'open',
        actorId: null,
      });
    });
    woken++;
  }
  return { woken, more: false };
}
