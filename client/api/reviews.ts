import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ReviewQueueItemSchema,
  ReviewSchema,
  type ReviewQueueReason,
  type ReviewRequest,
} from '#shared/schemas/reviews';
import { reportSearch, type ReportFilters } from './reports';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { api } from './http';

/** Query factories of reviews and the review queue. */
export const reviewQueries = {
  reviews: (agentId?: number) =>
    queryOptions({
      queryKey: ['reviews', agentId ?? 'mine'] as const,
      queryFn: ({ signal }) =>
        api(`/api/reviews${agentId ? `?agentId=${agentId}` : ''}`, z.object({ items: z.array(ReviewSchema) }), {
          signal,
        }).then((r) => r.items),
    }),
  queue: (f: ReportFilters & { reason: ReviewQueueReason }) =>
    queryOptions({
      queryKey: ['reviews', 'queue', f] as const,
      queryFn: ({ signal }) =>
        api(
          `/api/reviews/queue?${reportSearch({ ...f, time: undefined })}`,
          z.object({ items: z.array(ReviewQueueItemSchema) }),
          {
            signal,
          },
        ).then((r) => r.items),
    }),
};

/** Reviews of one agent (leads and above), or the viewer's own. */
export const useReviews = (agentId?: number) => useQuery(reviewQueries.reviews(agentId));

/**
 * How many of an agent's reviews wait for their acknowledgement (the top bar's badge); leads and
 * above review others and get no badge. Checked again every five minutes and on focus.
 */
export function useNewReviewCount(me: Agent): number {
  const q = useQuery({ ...reviewQueries.reviews(), enabled: !hasRole(me.role, 'lead'), refetchInterval: 5 * 60_000 });
  return (q.data ?? []).filter((r) => r.agentId === me.id && r.acknowledgedAt === null).length;
}

/** Unreviewed conversations sampled for review (leads and above). */
export const useReviewQueue = (f: ReportFilters & { reason: ReviewQueueReason }) => useQuery(reviewQueries.queue(f));

/** Score an episode, acknowledge a review; each refreshes what it changes (rubrics: api/scorecards). */
export function useReviewMutations() {
  const qc = useQueryClient();
  return {
    review: useMutation({
      mutationFn: (body: ReviewRequest) => api('/api/reviews', ReviewSchema, { method: 'POST', body }),
      onSuccess: () =>
        Promise.all([qc.invalidateQueries({ queryKey: ['reviews'] }), qc.invalidateQueries({ queryKey: ['reports'] })]),
    }),
    acknowledge: useMutation({
      mutationFn: (id: number) => api(`/api/reviews/${id}/acknowledge`, ReviewSchema, { method: 'POST', body: {} }),
      onSuccess: () => qc.invalidateQueries({ queryKey: ['reviews'] }),
    }),
  };
}
