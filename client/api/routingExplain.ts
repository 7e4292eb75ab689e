import { queryOptions } from '@tanstack/react-query';
import { RoutingExplainSchema } from '#shared/schemas/routingExplain';
import type { ThreadSummary } from '#shared/schemas/thread';
import { api } from './http';

/**
 * Why a thread is where it is (`GET /api/routing/explain/:id`). The key carries the thread's
 * assignee, team and status: the realtime event that changes one of them updates the thread in
 * the cache, and that alone makes this refetch — no polling and no separate subscription.
 */
export const routingExplainQuery = (t: Pick<ThreadSummary, 'id' | 'assigneeId' | 'teamId' | 'status'>) =>
  queryOptions({
    queryKey: ['routingExplain', t.id, t.assigneeId, t.teamId, t.status] as const,
    queryFn: ({ signal }) => api(`/api/routing/explain/${t.id}`, RoutingExplainSchema, { signal }),
  });
