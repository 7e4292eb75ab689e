import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiKeySchema } from '#shared/schemas/agent';
import { api } from './http';

const CreatedKeySchema = z.object({ key: ApiKeySchema, secret: z.string() });

/** API keys of the API channel, newest first. */
export const apiKeysQuery = () =>
  queryOptions({
    queryKey: ['api-keys'] as const,
    queryFn: ({ signal }) =>
      api('/api/api-keys', z.object({ items: z.array(ApiKeySchema) }), { signal }).then((r) => r.items),
  });

/** API keys (admins only: others would just be refused). */
export function useApiKeys(enabled = true) {
  return useQuery({ ...apiKeysQuery(), enabled });
}

/** Create a key; the answer holds the secret, which the server never shows again. */
export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; callbackUrl: string | null }) =>
      api('/api/api-keys', CreatedKeySchema, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeysQuery().queryKey }),
  });
}

/** Revoke a key: requests using it are refused from then on. */
export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/api-keys/${id}`, z.object({ ok: z.boolean() }), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeysQuery().queryKey }),
  });
}
