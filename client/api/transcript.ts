import { queryOptions, useQuery } from '@tanstack/react-query';
import { MessagePageSchema, type Message } from '#shared/schemas/message';
import { api } from './http';

/** Most pages read for one transcript (200 messages each): a bound, not an expected size. */
const MAX_PAGES = 100;

/** A thread's whole history, oldest first, read page by page (for printing). */
export const transcriptQuery = (threadId: number) =>
  queryOptions({
    queryKey: ['transcript', threadId] as const,
    queryFn: async ({ signal }): Promise<Message[]> => {
      const pages: Message[][] = [];
      let before: string | null = null;
      for (let i = 0; i < MAX_PAGES; i++) {
        const qs: string = new URLSearchParams({ limit: '200', ...(before ? { before } : {}) }).toString();
        const page = await api(`/api/threads/${threadId}/messages?${qs}`, MessagePageSchema, { signal });
        pages.push(page.items);
        if (!page.before) break;
        before = page.before;
      }
      return pages.reverse().flat();
    },
    staleTime: 60_000,
  });

/** The whole history of one thread. */
export function useTranscript(threadId: number) {
  return useQuery(transcriptQuery(threadId));
}
