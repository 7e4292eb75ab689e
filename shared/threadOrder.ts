import type { Priority } from './schemas/common';
import type { ThreadListQuery, ThreadSummary } from './schemas/thread';

/** Sort key for threads nobody is waiting on: after everyone who waits. */
export const NOT_WAITING_KEY = 9_000_000_000_000;
/** Multiplier that puts priority bands before waiting time in the priority sort. */
export const PRIORITY_BAND = 10_000_000_000_000;
/** Priority bands, most urgent first. */
export const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** The single-number keyset sort key of a thread for a list order (mirrors the server's SQL). */
export function threadSortKey(
  t: Pick<ThreadSummary, 'waitingSince' | 'lastMessageAt' | 'priority'>,
  sort: ThreadListQuery['sort'],
): number {
  const waiting = t.waitingSince ?? NOT_WAITING_KEY;
  if (sort === 'activity') return t.lastMessageAt;
  if (sort === 'priority') return PRIORITY_RANK[t.priority] * PRIORITY_BAND + waiting;
  return waiting;
}

/** Compare two threads in list order: ascending keys, except newest activity first. */
export function compareThreads(a: ThreadSummary, b: ThreadSummary, sort: ThreadListQuery['sort']): number {
  const ka = threadSortKey(a, sort);
  const kb = threadSortKey(b, sort);
  const dir = sort === 'activity' ? -1 : 1;
  if (ka !== kb) return (ka - kb) * dir;
  return (a.id - b.id) * dir;
}

/** Does a thread belong in a list with these filters (for applying live events to cached lists)? */
export function threadMatches(
  t: ThreadSummary,
  f: Pick<ThreadListQuery, 'status' | 'assignee'> & Partial<Pick<ThreadListQuery, 'team' | 'channel'>>,
  myId: number,
): boolean {
  if (f.status !== 'all' && t.status !== f.status) return false;
  if (f.assignee === 'me' && t.assigneeId !== myId) return false;
  if (f.assignee === 'unassigned' && t.assigneeId !== null) return false;
  if (typeof f.assignee === 'number' && t.assigneeId !== f.assignee) return false;
  if (f.team !== undefined && t.teamId !== f.team) return false;
  if (f.channel !== undefined && !t.channels.includes(f.channel)) return false;
  return true;
}
