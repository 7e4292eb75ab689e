import { useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
import { ThreadDetailSchema } from '#shared/api';
import { MessagePageSchema, type MessagePage } from '#shared/schemas/message';
import { ThreadListResponseSchema, type ThreadListResponse } from '#shared/schemas/thread';
import { api } from './http';
import { qk, type ThreadFilters } from './queryKeys';

export { useMarkRead, useRetryDelivery, useSendMessage, useThreadAction, type SendVariables } from './threadMutations';

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

/** One inbox view, loaded page by page with keyset cursors. */
export function useThreadList(f: ThreadFilters) {
  return useInfiniteQuery({
    queryKey: qk.threadList(f),
    queryFn: ({ pageParam, signal }) => api(listUrl(f, pageParam), ThreadListResponseSchema, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 60_000,
  });
}

/** A thread with its customer and episodes. */
export function useThreadDetail(id: number | null) {
  return useQuery({
    queryKey: qk.thread(id ?? 0),
    queryFn: ({ signal }) => api(`/api/threads/${id}`, ThreadDetailSchema, { signal }),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

/** A thread's messages, newest page first; fetchNextPage loads older history. */
export function useMessages(threadId: number | null) {
  return useInfiniteQuery({
    queryKey: qk.messages(threadId ?? 0),
    queryFn: ({ pageParam, signal }) =>
      api(
        `/api/threads/${threadId}/messages?limit=50${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`,
        MessagePageSchema,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.before,
    enabled: threadId !== null,
    staleTime: Infinity,
  });
}
