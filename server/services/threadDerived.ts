import { and, eq, inArray } from 'drizzle-orm';
import { messages, type threads } from '#server/db/schema';
import { activityOf, toActivityMessage, type MessageRow, type ThreadRow } from '#server/db/mappers';
import { emptyActivity, projectActivity, withMessage } from '#server/domain/threadActivity';
import { roomsOf, summarize, getThreadRow } from './threadQueries';
import { updateThreadRow } from '#server/db/ingestStatements';
import type { EmitFn, Tx } from './tx';
import { updateThread } from './rowUpdates';

/**
 * Recompute a thread's activity columns (last message, latest inbound, channels, waiting since,
 * latest sentiment) from its whole history — used after merges move messages between threads.
 */
export function refreshThreadDerived(tx: Tx, threadId: number, now: number): ThreadRow {
  const current = getThreadRow(tx, threadId);
  const history = tx
    .select()
    .from(messages)
    .where(and(eq(messages.threadId, threadId), inArray(messages.direction, ['inbound', 'outbound'])))
    .all();
  const activity = projectActivity(history.map(toActivityMessage), current.createdAt, current.status === 'resolved');
  return updateThread(tx, threadId, { ...activity, updatedAt: now });
}

/**
 * How the caller read the thread row it passes to `appendToThread`: 'stale' (any time before) — every
 * activity column is written; 'read' — in the running transaction, nothing has written its listed
 * columns since — only the columns that change are written; 'created' — inserted in the running
 * transaction for this message, already carrying the activity the message gives it (newThread.ts):
 * the message is folded into an empty thread and only what differs from the inserted row is written.
 */
export type ThreadRead = 'stale' | 'read' | 'created';

/**
 * A new message joined the thread: fold it into the activity columns (the same projection as a full
 * recompute) and write them with the caller's other changes (status, episode …) in one update.
 */
export function appendToThread(
  tx: Tx,
  thread: ThreadRow,
  row: MessageRow,
  changes: Partial<typeof threads.$inferInsert>,
  now: number,
  read: ThreadRead = 'stale',
): ThreadRow {
  const before = read === 'created' ? emptyActivity(thread.createdAt) : activityOf(thread);
  const activity = withMessage(before, toActivityMessage(row));
  const set = { ...changes, ...activity, updatedAt: now };
  return updateThreadRow(tx, thread.id, read === 'stale' ? set : changedOnly(thread, set));
}

/**
 * The columns of `set` whose values differ from `current` (updatedAt always stays). Only for a row
 * read in the running transaction whose listed columns nothing has written since: SQLite then
 * maintains only the indexes, and fires only the `UPDATE OF` triggers, of columns that changed.
 */
function changedOnly(
  current: ThreadRow,
  set: Partial<typeof threads.$inferInsert>,
): Partial<typeof threads.$inferInsert> {
  const out: Record<string, unknown> = {};
  const before = current as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(set)) if (k === 'updatedAt' || !sameValue(before[k], v)) out[k] = v;
  return out as Partial<typeof threads.$inferInsert>;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * A reply's send ended in refusal (or a refused reply was queued again): the waiting clock follows
 * from the history again, and lists, counters and SLA timers learn of it by a thread update.
 */
export function refreshAfterDeliveryChange(tx: Tx, emit: EmitFn, threadId: number, now: number): void {
  const before = getThreadRow(tx, threadId);
  const after = refreshThreadDerived(tx, threadId, now);
  if (after.waitingSince === before.waitingSince && after.lastAgentReplyAt === before.lastAgentReplyAt) return;
  emit({ type: 'thread.updated', thread: summarize(tx, after, now), reason: 'delivery' }, roomsOf(after), threadId);
}
