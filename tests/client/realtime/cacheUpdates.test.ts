import { describe, expect, it } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import type { ThreadSummary } from '#shared/schemas/thread';
import type { Message } from '#shared/schemas/message';
import { threadQueries, type ThreadFilters } from '#client/api/threads';
import { applyEvent } from '#client/realtime/eventHandlers';
import { make, newClient } from '#tests/client/helpers/harness';

/** A thread waiting since `waitingSince` (its last message then), with no team and no preview. */
const thread = (id: number, waitingSince: number | null, extra: Partial<ThreadSummary> = {}): ThreadSummary =>
  make.thread(id, {
    customer: { id, name: `C${id}` },
    teamId: null,
    waitingSince,
    lastMessageAt: waitingSince ?? 0,
    lastMessageId: null,
    lastMessagePreview: '',
    ...extra,
  });
/** Message `id` of a thread, sent and received at `sortTs`. */
const message = (id: number, threadId: number, sortTs: number): Message =>
  make.message(id, { threadId, text: `m${id}`, providerTs: sortTs, receivedAt: sortTs, sortTs });

const waiting: ThreadFilters = { status: 'open', assignee: 'any', sort: 'waiting' };
const mine: ThreadFilters = { status: 'open', assignee: 'me', sort: 'waiting' };

function seed(qc: QueryClient, f: ThreadFilters, items: ThreadSummary[], nextCursor: string | null = null) {
  qc.setQueryData(threadQueries.list(f).queryKey, { pages: [{ items, nextCursor }], pageParams: [null] });
}
const ids = (qc: QueryClient, f: ThreadFilters) =>
  qc.getQueryData(threadQueries.list(f).queryKey)!.pages.flatMap((p) => p.items.map((t) => t.id));

describe('socket events update the React Query cache directly', () => {
  it('inserts a new thread in longest-waiting order and counts it unread', () => {
    const qc = newClient();
    seed(qc, waiting, [thread(1, 100), thread(2, 300)]);
    applyEvent(
      qc,
      { type: 'message.created', seq: 1, message: message(10, 3, 200), thread: thread(3, 200) },
      { myId: 7, openThreadId: null },
    );
    expect(ids(qc, waiting)).toEqual([1, 3, 2]);
    expect(qc.getQueryData(threadQueries.list(waiting).queryKey)!.pages[0].items[1].unreadCount).toBe(1);
  });

  it('moves a thread between views when it is assigned', () => {
    const qc = newClient();
    seed(qc, waiting, [thread(1, 100)]);
    seed(qc, mine, []);
    applyEvent(
      qc,
      { type: 'thread.updated', seq: 2, thread: thread(1, 100, { assigneeId: 7 }), reason: 'assigned' },
      { myId: 7, openThreadId: null },
    );
    expect(ids(qc, mine)).toEqual([1]);
    applyEvent(
      qc,
      { type: 'thread.updated', seq: 3, thread: thread(1, 100, { status: 'resolved' }), reason: 'status' },
      { myId: 7, openThreadId: null },
    );
    expect(ids(qc, waiting)).toEqual([]);
  });

  it('does not append past the loaded end of an incomplete list (paging brings it)', () => {
    const qc = newClient();
    seed(qc, waiting, [thread(1, 100)], 'more');
    applyEvent(
      qc,
      { type: 'thread.updated', seq: 4, thread: thread(9, 999), reason: 'x' },
      { myId: 7, openThreadId: null },
    );
    expect(ids(qc, waiting)).toEqual([1]);
  });

  it('appends a message to the open timeline once, even if the event is applied twice', () => {
    const qc = newClient();
    qc.setQueryData(threadQueries.messages(5).queryKey, {
      pages: [{ items: [message(1, 5, 10)], before: null }],
      pageParams: [null],
    });
    const ev = { type: 'message.created' as const, seq: 5, message: message(2, 5, 20), thread: thread(5, 10) };
    applyEvent(qc, ev, { myId: 7, openThreadId: 5 });
    applyEvent(qc, ev, { myId: 7, openThreadId: 5 });
    expect(qc.getQueryData(threadQueries.messages(5).queryKey)!.pages[0].items.map((m) => m.id)).toEqual([1, 2]);
  });
});
