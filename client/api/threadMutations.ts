import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MessageSchema, type Attachment, type Message } from '#shared/schemas/message';
import { ThreadSummarySchema } from '#shared/schemas/thread';
import type { Priority, ThreadStatus } from '#shared/schemas/common';
import { api } from './http';
import { clearUnread, upsertMessage, upsertThread } from '#client/realtime/cacheUpdates';

/** What the composer sends; while the request runs these variables ARE the optimistic message. */
export interface SendVariables {
  kind: 'reply' | 'note';
  text: string;
  /** Idempotency key: a retry with the same key is stored once. */
  clientId: string;
  identityId?: number;
  attachments?: Attachment[];
  /** When the agent pressed send (orders pending messages). */
  submittedAt: number;
  /** Newest message the agent had seen when they began writing (a colleague's later reply asks first). */
  seenMessageId?: number;
  /** The agent confirmed: a colleague's thread, or a colleague's reply they have now read. */
  confirm?: boolean;
}

/** Mutation key of replies and notes being sent to a thread (their variables are the optimistic messages). */
export const sendsKey = (threadId: number) => ['sends', threadId] as const;

/**
 * The variables of a send found under `sendsKey`, set from the moment it starts (the mutation cache
 * types them `unknown`; only `useSendMessage` registers mutations there).
 */
export const sendVariablesOf = (m: { state: { variables: unknown } }) => m.state.variables as SendVariables;

/**
 * Send a reply or note. Keyed per thread so the timeline can show pending and failed sends from
 * the mutation cache (useMutationState) — they survive navigating away and back.
 */
export function useSendMessage(threadId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: sendsKey(threadId),
    mutationFn: (v: SendVariables) =>
      api(`/api/threads/${threadId}/${v.kind === 'reply' ? 'replies' : 'notes'}`, MessageSchema, {
        method: 'POST',
        body: {
          text: v.text,
          clientId: v.clientId,
          ...(v.kind === 'reply' && v.identityId ? { identityId: v.identityId } : {}),
          ...(v.kind === 'reply' && v.attachments?.length ? { attachments: v.attachments } : {}),
          ...(v.kind === 'reply' && v.seenMessageId !== undefined ? { seenMessageId: v.seenMessageId } : {}),
          ...(v.kind === 'reply' && v.confirm ? { confirm: true } : {}),
        },
      }),
    onSuccess: (m: Message) => upsertMessage(qc, m),
    retry: 0,
  });
}

/** One thread action: assign, take, team, status (with snooze time) or priority; `confirm` for a colleague's thread. */
export type ThreadAction =
  | { kind: 'take'; confirm?: boolean }
  | { kind: 'assign'; agentId: number | null; confirm?: boolean }
  | { kind: 'team'; teamId: number | null }
  | { kind: 'status'; status: ThreadStatus; snoozedUntil?: number; confirm?: boolean }
  | { kind: 'priority'; priority: Priority };

/**
 * Thread actions. The answer (the thread's new summary) goes into every cached list and the open
 * thread at once, so the click shows even when the socket is down; the socket event repeats it.
 */
export function useThreadAction(threadId: number, myId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ThreadAction) => {
      const { kind, ...body } = a;
      return api(`/api/threads/${threadId}/${kind}`, ThreadSummarySchema, {
        method: 'POST',
        body,
      });
    },
    onSuccess: (t) => upsertThread(qc, t, myId),
  });
}

/** Retry a failed delivery; the answer (the message, queued again) goes into the timeline at once. */
export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (messageId: number) => api(`/api/messages/${messageId}/retry`, MessageSchema, { method: 'POST' }),
    onSuccess: (m) => upsertMessage(qc, m),
  });
}

/** Mark a thread read up to a message. */
export function useMarkRead(threadId: number) {
  const qc = useQueryClient();
  return useMutation({
    onMutate: () => clearUnread(qc, threadId),
    mutationFn: (lastMessageId: number) =>
      api(`/api/threads/${threadId}/read`, z.object({ ok: z.boolean() }), { method: 'POST', body: { lastMessageId } }),
  });
}
