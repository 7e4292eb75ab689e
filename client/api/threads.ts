import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { z } from 'zod';
import { ThreadDetailSchema } from '../../shared/api';
import { MessagePageSchema, MessageSchema, type Message, type MessagePage } from '../../shared/schemas/message';
import { ThreadListResponseSchema, ThreadSummarySchema, type ThreadListResponse } from '../../shared/schemas/thread';
import type { Priority, ThreadStatus } from '../../shared/schemas/common';
import { api } from './http';
import { qk, type ThreadFilters } from './queryKeys';
import { clearUnread, upsertMessage } from '../realtime/cacheUpdates';

/** Cached shape of an inbox list. */
export type ThreadListCache = InfiniteData<ThreadListResponse, string | null>;
/** Cached shape of a thread's messages (pages newest-first, each page ascending). */
export type MessagesCache = InfiniteData<MessagePage, string | null>;

function listUrl(f: ThreadFilters, cursor: string | null): string {
  const p = new URLSearchParams({ status: f.status, assignee: String(f.assignee), sort: f.sort, limit: '50' });
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
      api(`/api/threads/${threadId}/messages?limit=50${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`, MessagePageSchema, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.before,
    enabled: threadId !== null,
    staleTime: Infinity,
  });
}

/** Send a reply (or a note) and put the stored message into the cache at once. */
export function useSendMessage(threadId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: 'reply' | 'note'; text: string; clientId: string; identityId?: number }) =>
      api(`/api/threads/${threadId}/${v.kind === 'reply' ? 'replies' : 'notes'}`, MessageSchema, {
        method: 'POST',
        body: { text: v.text, clientId: v.clientId, ...(v.identityId ? { identityId: v.identityId } : {}) },
      }),
    onSuccess: (m: Message) => upsertMessage(qc, m),
  });
}

/** Thread actions: assign, take, status, priority. The socket event updates every list. */
export function useThreadAction(threadId: number) {
  return useMutation({
    mutationFn: (a: { kind: 'take' } | { kind: 'assign'; agentId: number | null } | { kind: 'status'; status: ThreadStatus; snoozedUntil?: number } | { kind: 'priority'; priority: Priority }) => {
      const { kind, ...body } = a;
      return api(`/api/threads/${threadId}/${kind}`, ThreadSummarySchema, { method: 'POST', body: kind === 'take' ? {} : body });
    },
  });
}

/** Retry a failed delivery. */
export function useRetryDelivery() {
  return useMutation({
    mutationFn: (messageId: number) => api(`/api/messages/${messageId}/retry`, z.object({ ok: z.boolean() }), { method: 'POST' }),
  });
}

/** Mark a thread read up to a message. */
export function useMarkRead(threadId: number) {
  const qc = useQueryClient();
  return useMutation({
    onMutate: () => clearUnread(qc, threadId),
    mutationFn: (lastMessageId: number) => api(`/api/threads/${threadId}/read`, z.object({ ok: z.boolean() }), { method: 'POST', body: { lastMessageId } }),
  });
}
