import { useState, type ReactNode } from 'react';
import { useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { Agent } from '#shared/schemas/agent';
import type { Confirmation } from '#shared/errors';
import type { Message } from '#shared/schemas/message';
import { ApiError } from '#client/api/http';
import { sendVariablesOf, sendsKey, type SendVariables } from '#client/api/threadMutations';
import { ColleagueConfirm } from '#client/features/thread/ColleagueConfirm';

/**
 * A reply the server refused with 409 `confirmation_required` (a colleague replied since the agent
 * began writing, or the thread is a colleague's): show their reply and ask. "Send anyway" repeats
 * the same send (same clientId) having now seen their replies, confirmed; "Keep my draft" puts the
 * text back in the composer. Either way the refused attempt leaves the timeline.
 */
export function useConfirmedSend(
  threadId: number,
  send: UseMutationResult<Message, Error, SendVariables>,
  restore: (text: string, note: boolean) => void,
): { onError(err: Error, v: SendVariables): void; dialog(agents: Map<number, Agent>): ReactNode } {
  const qc = useQueryClient();
  const [asked, setAsked] = useState<{ v: SendVariables; confirm: Confirmation } | null>(null);
  const forgetRefused = (clientId: string) => {
    const cache = qc.getMutationCache();
    for (const m of cache.findAll({ mutationKey: sendsKey(threadId), status: 'error' }))
      if (sendVariablesOf(m).clientId === clientId) cache.remove(m);
  };
  const onError = (err: Error, v: SendVariables) => {
    if (err instanceof ApiError && err.code === 'confirmation_required' && err.confirm)
      setAsked({ v, confirm: err.confirm });
  };
  return {
    onError,
    dialog(agents) {
      if (!asked) return null;
      const { v, confirm } = asked;
      return (
        <ColleagueConfirm
          confirm={confirm}
          agents={agents}
          kind="reply"
          onBack={() => {
            forgetRefused(v.clientId);
            setAsked(null);
            restore(v.text, v.kind === 'note');
          }}
          onConfirm={() => {
            forgetRefused(v.clientId);
            setAsked(null);
            const newest = Math.max(v.seenMessageId ?? 0, ...confirm.replies.map((m) => m.id));
            send.mutate({ ...v, confirm: true, seenMessageId: newest, submittedAt: Date.now() }, { onError });
          }}
        />
      );
    },
  };
}
