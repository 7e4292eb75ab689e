import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CustomerSchema, MergeRecordSchema, type Customer } from '#shared/schemas/customer';
import type { ThreadDetail } from '#shared/api';
import { api } from './http';
import { qk } from './queryKeys';

// GET /api/customers/:id and ?q= answer shapes, composed from the shared customer schemas.
const ProfileSchema = z.object({
  customer: CustomerSchema,
  threadId: z.number().nullable(),
  merges: z.array(MergeRecordSchema),
});
const SearchSchema = z.object({ items: z.array(CustomerSchema.extend({ threadId: z.number().nullable() })) });

/** A customer search hit: the customer and their thread. */
export type CustomerHit = z.infer<typeof SearchSchema>['items'][number];

/** A customer's profile with the merges recorded into it (the audit trail used for unmerge). */
export function useCustomerProfile(customerId: number) {
  return useQuery({
    queryKey: qk.customer(customerId),
    queryFn: ({ signal }) => api(`/api/customers/${customerId}`, ProfileSchema, { signal }),
    staleTime: 60_000,
  });
}

/** Customers matching a name, address or display name (empty query = nothing). */
export function useCustomerSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: qk.customerSearch(term),
    queryFn: async ({ signal }): Promise<CustomerHit[]> =>
      (await api(`/api/customers?q=${encodeURIComponent(term)}`, SearchSchema, { signal })).items,
    enabled: term.length >= 2,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
}

/** Edit a customer's notes, tags or profile; the thread detail is updated at once. */
export function useUpdateCustomer(customerId: number, threadId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Pick<Customer, 'name' | 'notes' | 'tags' | 'language' | 'timeZone'>>) =>
      api(`/api/customers/${customerId}`, CustomerSchema, { method: 'PATCH', body: patch }),
    onSuccess: (customer) => {
      qc.setQueryData<ThreadDetail>(qk.thread(threadId), (d) => (d ? { ...d, customer } : d));
      void qc.invalidateQueries({ queryKey: qk.customer(customerId) });
    },
  });
}

/** Merge another customer into this one, or undo a recorded merge. */
export function useMergeActions(customerId: number) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['customers'] });
  return {
    merge: useMutation({
      mutationFn: (sourceCustomerId: number) =>
        api(`/api/customers/${customerId}/merge`, MergeRecordSchema, { method: 'POST', body: { sourceCustomerId } }),
      onSuccess: refresh,
    }),
    unmerge: useMutation({
      mutationFn: (mergeId: number) => api(`/api/merges/${mergeId}/unmerge`, MergeRecordSchema, { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}
