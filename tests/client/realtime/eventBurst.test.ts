import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InfiniteQueryObserver, QueryObserver } from '@tanstack/react-query';
import { threadQueries, type ThreadFilters, type ThreadListCache } from '#client/api/threads';
import { createEventSink } from '#client/realtime/eventSink';
import { make, newClient } from '#tests/client/helpers/harness';

const all: ThreadFilters = { status: 'open', assignee: 'any', sort: 'waiting' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('socket bursts', () => {
  it('apply 100 new messages straight to the cache: no list refetch, one counts refresh', async () => {
    const qc = newClient();
    const listFetch = vi.fn(async () => ({ items: [make.thread(1)], nextCursor: null }));
    const countsFetch = vi.fn(async () => ({ mine: 0 }));
    // Active observers, as on screen: an invalidation would refetch them.
    const list = new InfiniteQueryObserver(qc, {
      queryKey: threadQueries.list(all).queryKey,
      queryFn: listFetch,
      initialPageParam: null,
      getNextPageParam: () => null,
      staleTime: 60_000,
    });
    const counts = new QueryObserver(qc, {
      queryKey: threadQueries.counts().queryKey,
      queryFn: countsFetch,
      staleTime: 30_000,
    });
    const unsub = [list.subscribe(() => {}), counts.subscribe(() => {})];
    await vi.advanceTimersByTimeAsync(0);
    expect(listFetch).toHaveBeenCalledTimes(1);
    expect(countsFetch).toHaveBeenCalledTimes(1);

    const sink = createEventSink(qc, () => ({ myId: 9, openThreadId: null }));
    for (let i = 0; i < 100; i++) {
      const threadId = 100 + i;
      sink.apply({
        type: 'message.created',
        seq: i + 1,
        message: make.message(1000 + i, { threadId }),
        thread: make.thread(threadId, { waitingSince: 1_000 + i }),
      });
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(listFetch).toHaveBeenCalledTimes(1);
    expect(countsFetch).toHaveBeenCalledTimes(2);
    const cached = qc.getQueryData<ThreadListCache>(threadQueries.list(all).queryKey)!;
    expect(cached.pages[0].items).toHaveLength(101);
    expect(cached.pages[0].items[0].id).toBe(100); // longest waiting first
    unsub.forEach((u) => u());
    sink.dispose();
  });
});
