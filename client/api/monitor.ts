import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MessageSchema, type Message } from '#shared/schemas/message';
import { MonitorViewsSchema } from '#shared/schemas/monitor';
import { upsertMessage } from '#client/realtime/cacheUpdates';
import { api } from './http';

/** Supervisor monitor queries: opening a thread read-only (recorded once per opening) and "viewed by". */
export const monitorQueries = {
  /** The latest monitor openings of a thread (leads, supervisors, admins). */
  views: (threadId: number) =>
    queryOptions({
      queryKey: ['monitor', 'views', threadId] as const,
      queryFn: ({ signal }) => api(`/api/threads/${threadId}/monitor-views`, MonitorViewsSchema, { signal }),
      staleTime: 30_000,
    }),
  /**
   * Opening in monitor mode: a POST the server records in the audit log. As a query it runs once
   * per opening (gcTime 0: a later opening records again), never on focus or reconnect.
   */
  open: (threadId: number) =>
    queryOptions({
      queryKey: ['monitor', 'open', threadId] as const,
      queryFn: ({ signal }) => api(`/api/threads/${threadId}/monitor`, MonitorViewsSchema, { method: 'POST', signal }),
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
};

/** Open a thread in monitor mode (audited); answers the "viewed by" list, this opening included. */
export function useOpenMonitor(threadId: number) {
  return useQuery(monitorQueries.open(threadId));
}

/** "Viewed by" of a thread, only asked for when the viewer may monitor (leads and up). */
export function useMonitorViews(threadId: number, enabled: boolean) {
  return useQuery({ ...monitorQueries.views(threadId), enabled });
}

/** Leave a whisper on a thread; the stored note goes into the timeline at once. */
export function useWhisper(threadId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { text: string; clientId: string }) =>
      api(`/api/threads/${threadId}/whispers`, MessageSchema, { method: 'POST', body: v }),
    onSuccess: (m: Message) => upsertMessage(qc, m),
  });
}
