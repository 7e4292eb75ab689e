import { useMutationState, useQueryClient } from '@tanstack/react-query';
import type { Message } from '#shared/schemas/message';
import { sendVariablesOf, sendsKey } from '#client/api/threadMutations';
import type { PendingSend } from './timelineRows';

/**
 * Replies and notes to this thread still in flight or refused, read from React Query's mutation
 * cache (so they survive navigation). A send whose stored message already arrived by socket (same
 * clientId) is hidden.
 */
export function usePendingSends(
  threadId: number,
  messages: Message[],
): { pending: PendingSend[]; forget(send: PendingSend): void } {
  const qc = useQueryClient();
  const sends = useMutationState({
    filters: {
      mutationKey: sendsKey(threadId),
      predicate: (m) => m.state.status === 'pending' || m.state.status === 'error',
    },
    select: (m): PendingSend => ({
      mutationId: m.mutationId,
      variables: sendVariablesOf(m),
      status: m.state.status === 'error' ? 'error' : 'pending',
      error: m.state.error instanceof Error ? m.state.error.message : null,
    }),
  });
  // The server echoes each send's clientId on the stored message: that, not the text, matches them.
  const stored = new Set(messages.flatMap((m) => (m.clientId === null ? [] : [m.clientId])));
  const pending = sends
    .filter((s) => s.variables && !(s.status === 'pending' && stored.has(s.variables.clientId)))
    .sort((a, b) => a.variables.submittedAt - b.variables.submittedAt);
  return {
    pending,
    forget(send) {
      const m = qc
        .getMutationCache()
        .getAll()
        .find((x) => x.mutationId === send.mutationId);
      if (m) qc.getMutationCache().remove(m);
    },
  };
}
