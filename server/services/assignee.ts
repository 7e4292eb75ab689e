import { eq } from 'drizzle-orm';
import { episodes } from '#server/db/schema';
import type { ThreadRow } from '#server/db/mappers';
import { recordSystem } from './systemEntry';
import { roomsOf, summarize } from './threadQueries';
import type { EmitFn, Tx } from './tx';
import { updateThread } from './rowUpdates';

/** The timeline entry of an assignment someone made (automatic ones have none). */
export interface AssignmentEntry {
  text: string;
  meta: Record<string, unknown>;
}

/**
 * The one place a thread's assignee changes: manual and floor-board assignment, auto-assign on
 * ingest, a reply taking an unassigned thread. The thread and its open episode get the agent, and
 * `thread.updated` with reason 'assigned' is emitted (with the timeline entry when someone did it),
 * the event transact() queues the `conversation.assigned` webhook from (webhooks/queue.ts).
 * Returns the thread as it is now; nothing happens when the assignee is already `agentId`.
 */
export function setAssignee(
  tx: Tx,
  emit: EmitFn,
  before: ThreadRow,
  agentId: number | null,
  now: number,
  entry?: AssignmentEntry,
): ThreadRow {
  if (before.assigneeId === agentId) return before;
  const after = updateThread(tx, before.id, { assigneeId: agentId, updatedAt: now });
  if (after.currentEpisodeId !== null && after.status !== 'resolved')
    tx.update(episodes).set({ assigneeId: agentId }).where(eq(episodes.id, after.currentEpisodeId)).run();
  if (entry) recordSystem(tx, emit, now, before, after, 'assigned', entry.text, entry.meta);
  else {
    const rooms = [...new Set([...roomsOf(before), ...roomsOf(after)])];
    emit({ type: 'thread.updated', thread: summarize(tx, after, now), reason: 'assigned' }, rooms, after.id);
  }
  return after;
}

/** Move a thread to another team; its open episode moves with it (its figures belong to the team that holds it). */
export function moveToTeam(tx: Tx, before: ThreadRow, teamId: number | null, now: number): ThreadRow {
  const after = updateThread(tx, before.id, { teamId, updatedAt: now });
  if (after.currentEpisodeId !== null && after.status !== 'resolved')
    tx.update(episodes).set({ teamId }).where(eq(episodes.id, after.currentEpisodeId)).run();
  return after;
}
