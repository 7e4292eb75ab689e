import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  type InfiniteData,
} from '@tanstack/react-query';
import { ThreadDetailSchema } from '#shared/api';
import { MessagePageSchema, type MessagePage } from '#shared/schemas/message';
import { ThreadListResponseSchema, type ThreadListQuery, type ThreadListResponse } from '#shared/schemas/thread';
import { ThreadCountsSchema } from '#shared/schemas/threadCounts';
import { api } from './http';

export { useMarkRead, useRetryDelivery, useSendMessage, useThreadAction, type SendVariables } from './threadMutations';

/** Filters of one inbox view (the cursor is React Query's page param, not part of the key). */
export type ThreadFilters = Pick<ThreadListQuery, 'status' | 'assignee' | 'sort'> &
  Partial<Pick<ThreadListQuery, 'team' | 'channel'>>;
/** Cached shape of an inbox list. */
export type ThreadListCache = InfiniteData<ThreadListResponse, string | null>;
/** Cached shape of a thread's messages (pages newest-first, each page ascending). */
export type MessagesCache = InfiniteData<MessagePage, string | null>;

/** Rows per inbox page. */
export const LIST_PAGE_SIZE = 50;

function listUrl(f: ThreadFilters, cursor: string | null): string {
  const p = new URLSearchParams({
    status: f.status,
    assignee: String(f.assignee),
    sort: f.sort,
    limit: String(LIST_PAGE_SIZE),
  });
  if (f.team !== undefined) p.set('team', String(f.team));
  if (f.channel) p.set('channel', f.channel);
  if (cursor) p.set('cursor', cursor);
  return `/api/threads?${p}`;
}

/**
 * Every thread query, with its key beside its fetcher. `all` is the prefix of every one of them and
 * `lists` of every inbox view (for updating or refetching them at once).
 */
export const threadQueries = {
  all: () => ['threads'] as const,
  lists: () => [...threadQueries.all(), 'list'] as const,
  /** One inbox view, loaded page by page with keyset cursors. */
  list: (f: ThreadFilters) =>
    infiniteQueryOptions({
      queryKey: [...threadQueries.lists(), f] as const,
      queryFn: ({ pageParam, signal }) => api(listUrl(f, pageParam), ThreadListResponseSchema, { signal }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      staleTime: 60_000,
    }),
  /** Live counts for every inbox view; socket events schedule a (throttled) refresh. */
  counts: () =>
    queryOptions({
      queryKey: [...threadQueries.all(), 'counts'] as const,
      queryFn: ({ signal }) => api('/api/threads/counts', ThreadCountsSchema, { signal }),
      staleTime: 30_000,
      refetchInterval: 120_000,
    }),
  /** A thread with its customer and episodes. */
  detail: (id: number) =>
    queryOptions({
      queryKey: [...threadQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => api(`/api/threads/${id}`, ThreadDetailSchema, { signal }),
      staleTime: 60_000,
    }),
  /** A thread's messages, newest page first; fetchNextPage loads older history. */
  messages: (threadId: number) =>
    infiniteQueryOptions({
      queryKey: [...threadQueries.all(), 'messages', threadId] as const,
      queryFn: ({ pageParam, signal }) =>
        api(
          `/api/threads/${threadId}/messages?limit=50${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`,
          MessagePageSchema,
          { signal },
        ),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.before,
      staleTime: Infinity,
    }),
};

/** One inbox view. */
export function useThreadList(f: ThreadFilters) {
  return useInfiniteQuery(threadQueries.list(f));
}

/** Counts of every inbox view. */
export function useThreadCounts() {
  return useQuery(threadQueries.counts());
}

/** The open thread, if any. */
export function useThreadDetail(id: number | null) {
  return useQuery({ ...threadQueries.detail(id ?? 0), enabled: id !== null });
}

/** The open thread's messages, if any. */
export function useMessages(threadId: number | null) {
  return useInfiniteQuery({ ...threadQueries.messages(threadId ?? 0), enabled: threadId !== null });
}
