import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  CreatedWebhookEndpointSchema,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
  type CreateWebhookEndpoint,
} from '#shared/schemas/webhooks';
import { api } from './http';

/** Outbound webhook endpoints and their deliveries (admins). */
export const webhookQueries = {
  all: () => ['webhook-endpoints'] as const,
  list: () =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        api('/api/webhook-endpoints', WebhookEndpointListSchema, { signal }).then((r) => r.items),
      refetchInterval: 4_000,
    }),
  deliveries: (id: number) =>
    queryOptions({
      queryKey: [...webhookQueries.all(), 'deliveries', id] as const,
      queryFn: ({ signal }) =>
        api(`/api/webhook-endpoints/${id}/deliveries`, WebhookDeliveryListSchema, { signal }).then((r) => r.items),
      refetchInterval: 4_000,
    }),
};

/** The registered endpoints (admins only). */
export function useWebhookEndpoints(enabled = true) {
  return useQuery({ ...webhookQueries.list(), enabled });
}

/** The latest deliveries to one endpoint. */
export function useWebhookDeliveries(id: number) {
  return useQuery(webhookQueries.deliveries(id));
}

/** Register an endpoint; the answer holds its signing secret, which the server never shows again. */
export function useCreateWebhookEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookEndpoint) =>
      api('/api/webhook-endpoints', CreatedWebhookEndpointSchema, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}

/** Remove an endpoint and its queue. */
export function useDeleteWebhookEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api(`/api/webhook-endpoints/${id}`, z.object({ ok: z.boolean() }), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}

/** Give an endpoint a new signing secret (the answer holds it, shown this once); the old one stops at once. */
export function useRotateWebhookSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api(`/api/webhook-endpoints/${id}/rotate-secret`, CreatedWebhookEndpointSchema, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}

/** Send a failed delivery again now. */
export function useRetryWebhookDelivery(endpointId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: number) =>
      api(
        `/api/webhook-endpoints/${endpointId}/deliveries/${deliveryId}/retry`,
        z.object({ delivery: WebhookDeliverySchema }),
        { method: 'POST', body: {} },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: webhookQueries.all() }),
  });
}
