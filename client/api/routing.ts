import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RoutingSchema, type RoutingDto } from '#shared/schemas/routing';
import { api } from './http';

/** Channel → team routing of new threads (admins). */
export const routingQuery = () =>
  queryOptions({
    queryKey: ['routing'] as const,
    queryFn: ({ signal }) => api('/api/routing', RoutingSchema, { signal }),
  });

/** The routing. */
export function useRouting() {
  return useQuery(routingQuery());
}

/** Replace the routing whole; the answer goes straight into the cache. */
export function useSaveRouting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RoutingDto) => api('/api/routing', RoutingSchema, { method: 'PUT', body }),
    onSuccess: (routing) => qc.setQueryData(routingQuery().queryKey, routing),
  });
}
