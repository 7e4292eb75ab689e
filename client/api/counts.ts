import { useQuery } from '@tanstack/react-query';
import { ThreadCountsSchema } from '#shared/schemas/threadCounts';
import { api } from './http';
import { qk } from './queryKeys';

/** Live counts for every inbox view; socket events schedule a (throttled) refresh. */
export function useThreadCounts() {
  return useQuery({
    queryKey: qk.counts(),
    queryFn: ({ signal }) => api('/api/threads/counts', ThreadCountsSchema, { signal }),
    staleTime: 30_000,
    refetchInterval: 120_000,
  });
}
