import { useMutation } from '@tanstack/react-query';
import { MessageSchema } from '#shared/schemas/message';
import type { SentimentLabel } from '#shared/schemas/common';
import { api } from './http';

/** Correct one inbound message's sentiment mark; the timeline updates from the message.updated event. */
export function useCorrectSentiment(messageId: number) {
  return useMutation({
    mutationFn: (label: SentimentLabel) =>
      api(`/api/messages/${messageId}/sentiment`, MessageSchema, { method: 'POST', body: { label } }),
  });
}
