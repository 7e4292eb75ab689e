import type { QueryClient } from '@tanstack/react-query';
import type { Message } from '#shared/schemas/message';
import type { ThreadSummary } from '#shared/schemas/thread';
import { compareThreads, threadMatches } from '#shared/threadOrder';
import { threadQueries, type ThreadFilters, type ThreadListCache } from '#client/api/threads';

const bySort = (a: Message, b: Message) => a.sortTs - b.sortTs || a.id - b.id;

/** Put a message into its thread's cached timeline (replace if known, else insert in order). */
export function upsertMessage(qc: QueryClient, m: Message): void {
  qc.setQueryData(threadQueries.messages(m.threadId).queryKey, (data) => {
    if (!data) return data;
    let found = false;
    const pages = data.pages.map((p) => {
      const i = p.items.findIndex((x) => x.id === m.id);
      if (i === -1) return p;
      found = true;
      const items = p.items.slice();
      items[i] = m;
      return { ...p, items };
    });
    if (found) return { ...data, pages };
    // pages[0] is the newest page; a new message belongs there unless it is older than all of it.
    const newest = pages[0];
    if (!newest) return data;
    const oldestShown = newest.items[0];
    if (oldestShown && bySort(m, oldestShown) < 0 && newest.before !== null) return data;
    const items = [...newest.items, m].sort(bySort);
    return { ...data, pages: [{ ...newest, items }, ...pages.slice(1)] };
  });
}

/** How a thread update touches unread counts. */
export interface UnreadChange {
  /** Add one unread (a new inbound message in a thread I am not reading). */
  increment?: boolean;
  /** Reset to zero (I am reading it, or I replied). */
  reset?: boolean;
}

/** Place an updated thread in every cached inbox list it belongs to (and out of those it left). */
export function upsertThread(qc: QueryClient, t: ThreadSummary, myId: number, unread: UnreadChange = {}): void {
  for (const [key, data] of qc.getQueriesData<ThreadListCache>({ queryKey: threadQueries.lists() })) {
    if (!data) continue;
    const filters = key[2] as ThreadFilters;
    const previous = data.pages.flatMap((p) => p.items).find((x) => x.id === t.id);
    const base = unread.reset ? 0 : (previous?.unreadCount ?? t.unreadCount ?? 0);
    const next: ThreadSummary = { ...t, unreadCount: base + (unread.increment && !unread.reset ? 1 : 0) };
    let pages = data.pages.map((p) => ({ ...p, items: p.items.filter((x) => x.id !== t.id) }));
    if (threadMatches(next, filters, myId)) pages = insertSorted(pages, next, filters.sort);
    qc.setQueryData<ThreadListCache>(key, { ...data, pages });
  }
  const detailKey = threadQueries.detail(t.id).queryKey;
  const detail = qc.getQueryData(detailKey);
  if (!detail) return;
  qc.setQueryData(detailKey, {
    ...detail,
    thread: { ...t, unreadCount: detail.thread.unreadCount },
  });
  // A resolve or re-open changes the episode list the timeline and customer panel show: refetch
  // that one open thread (rare, and never more than once per status change).
  if (
    detail.thread.currentEpisodeId !== t.currentEpisodeId ||
    (detail.thread.status === 'resolved') !== (t.status === 'resolved')
  ) {
    void qc.invalidateQueries({ queryKey: detailKey });
  }
}

/** Change one thread wherever it is cached (lists and detail) without moving it. */
export function patchThread(qc: QueryClient, threadId: number, fn: (t: ThreadSummary) => ThreadSummary): void {
  for (const [key, data] of qc.getQueriesData<ThreadListCache>({ queryKey: threadQueries.lists() })) {
    if (!data || !data.pages.some((p) => p.items.some((x) => x.id === threadId))) continue;
    qc.setQueryData<ThreadListCache>(key, {
      ...data,
      pages: data.pages.map((p) => ({ ...p, items: p.items.map((x) => (x.id === threadId ? fn(x) : x)) })),
    });
  }
  qc.setQueryData(threadQueries.detail(threadId).queryKey, (d) => (d ? { ...d, thread: fn(d.thread) } : d));
}

function insertSorted(
  pages: ThreadListCache['pages'],
  t: ThreadSummary,
  sort: ThreadFilters['sort'],
): ThreadListCache['pages'] {
  for (let p = 0; p < pages.length; p++) {
    const i = pages[p].items.findIndex((x) => compareThreads(t, x, sort) < 0);
    if (i !== -1) {
      const items = pages[p].items.slice();
      items.splice(i, 0, t);
      return pages.map((pg, j) => (j === p ? { ...pg, items } : pg));
    }
  }
  const last = pages.at(-1);
  // Sorts after everything loaded: only show it if the list is complete, otherwise paging will bring it.
  if (!last || last.nextCursor !== null) return pages;
  return pages.map((pg, j) => (j === pages.length - 1 ? { ...pg, items: [...pg.items, t] } : pg));
}

/** Remove a thread from every cached list (merged away). */
export function removeThread(qc: QueryClient, threadId: number): void {
  for (const [key, data] of qc.getQueriesData<ThreadListCache>({ queryKey: threadQueries.lists() })) {
    if (!data) continue;
    qc.setQueryData<ThreadListCache>(key, {
      ...data,
      pages: data.pages.map((p) => ({ ...p, items: p.items.filter((x) => x.id !== threadId) })),
    });
  }
  qc.removeQueries({ queryKey: threadQueries.detail(threadId).queryKey });
  qc.removeQueries({ queryKey: threadQueries.messages(threadId).queryKey });
}

/** Zero a thread's unread count in every cached list (the agent has read it). */
export function clearUnread(qc: QueryClient, threadId: number): void {
  for (const [key, data] of qc.getQueriesData<ThreadListCache>({ queryKey: threadQueries.lists() })) {
    if (!data || !data.pages.some((p) => p.items.some((x) => x.id === threadId && (x.unreadCount ?? 0) > 0))) continue;
    qc.setQueryData<ThreadListCache>(key, {
      ...data,
      pages: data.pages.map((p) => ({
        ...p,
        items: p.items.map((x) => (x.id === threadId ? { ...x, unreadCount: 0 } : x)),
      })),
    });
  }
}
