import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { SlaPolicySchema, type SlaPolicyDto } from '#shared/schemas/metrics';
import { api } from './http';

/** A policy as it is created or replaced. */
export type SlaPolicyInput = Omit<SlaPolicyDto, 'id'>;

/** Every SLA policy (anyone may read them; admins change them). */
export const slaPoliciesQuery = () =>
  queryOptions({
    queryKey: ['sla-policies'] as const,
    queryFn: ({ signal }) =>
      api('/api/sla-policies', z.object({ items: z.array(SlaPolicySchema) }), { signal }).then((r) => r.items),
  });

/** Every SLA policy. */
export function useSlaPolicies() {
  return useQuery(slaPoliciesQuery());
}

/** Create, replace or delete an SLA policy (admins). */
export function useSlaPolicyAdmin() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: slaPoliciesQuery().queryKey });
  return {
    create: useMutation({
      mutationFn: (body: SlaPolicyInput) => api('/api/sla-policies', SlaPolicySchema, { method: 'POST', body }),
      onSuccess: done,
    }),
    replace: useMutation({
      mutationFn: ({ id, body }: { id: number; body: SlaPolicyInput }) =>
        api(`/api/sla-policies/${id}`, SlaPolicySchema, { method: 'PUT', body }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: number) => api(`/api/sla-policies/${id}`, z.object({ ok: z.boolean() }), { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}
