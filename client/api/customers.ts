import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  CustomerSchema,
  DuplicateSuggestionSchema,
  LinkSuggestionSchema,
  MergeRecordSchema,
  type Customer,
} from '#shared/schemas/customer';
import { api } from './http';
import { threadQueries } from './threads';

// GET /api/customers/:id and ?q= answer shapes, composed from the shared customer schemas.
const ProfileSchema = z.object({
  customer: CustomerSchema,
  threadId: z.number().nullable(),
  merges: z.array(MergeRecordSchema),
  suggestions: z.array(LinkSuggestionSchema),
});
const SearchSchema = z.object({ items: z.array(CustomerSchema.extend({ threadId: z.number().nullable() })) });
const DuplicatesSchema = z.object({ items: z.array(DuplicateSuggestionSchema) });

/** A customer search hit: the customer and their thread. */
export type CustomerHit = z.infer<typeof SearchSchema>['items'][number];

/** Customer queries; `all` is the prefix of every one (a merge changes profiles and searches). */
export const customerQueries = {
  all: () => ['customers'] as const,
  /** A customer's profile with the merges recorded into it (the audit trail used for unmerge). */
  profile: (customerId: number) =>
    queryOptions({
      queryKey: [...customerQueries.all(), 'detail', customerId] as const,
      queryFn: ({ signal }) => api(`/api/customers/${customerId}`, ProfileSchema, { signal }),
      staleTime: 60_000,
    }),
  /** Likely duplicates of a customer (same name and an overlapping contact fact). */
  duplicates: (customerId: number) =>
    queryOptions({
      queryKey: [...customerQueries.all(), 'duplicates', customerId] as const,
      queryFn: async ({ signal }) =>
        (await api(`/api/customers/${customerId}/duplicates`, DuplicatesSchema, { signal })).items,
      staleTime: 60_000,
    }),
  /** Customers matching a name, address or display name. */
  search: (term: string) =>
    queryOptions({
      queryKey: [...customerQueries.all(), 'search', term] as const,
      queryFn: async ({ signal }): Promise<CustomerHit[]> =>
        (await api(`/api/customers?q=${encodeURIComponent(term)}`, SearchSchema, { signal })).items,
      staleTime: 15_000,
    }),
};

/** A customer's profile. */
export function useCustomerProfile(customerId: number) {
  return useQuery(customerQueries.profile(customerId));
}

/** Customers matching a search (fewer than two characters = nothing). */
export function useCustomerSearch(q: string) {
  const term = q.trim();
  return useQuery({
    ...customerQueries.search(term),
    enabled: term.length >= 2,
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
      qc.setQueryData(threadQueries.detail(threadId).queryKey, (d) => (d ? { ...d, customer } : d));
      void qc.invalidateQueries({ queryKey: customerQueries.profile(customerId).queryKey });
    },
  });
}

/** After a merge, unmerge or confirmed link: profiles, lists and threads refetch. */
function useRefreshAfterMerge() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: customerQueries.all() }),
      qc.invalidateQueries({ queryKey: threadQueries.all() }),
    ]);
}

/** Confirm a claimed link (merging the claimant in) or dismiss it. */
export function useLinkSuggestionActions() {
  const refresh = useRefreshAfterMerge();
  return {
    confirm: useMutation({
      mutationFn: (id: number) => api(`/api/link-suggestions/${id}/confirm`, MergeRecordSchema, { method: 'POST' }),
      onSuccess: refresh,
    }),
    dismiss: useMutation({
      mutationFn: (id: number) => api(`/api/link-suggestions/${id}/dismiss`, z.unknown(), { method: 'POST' }),
      onSuccess: refresh,
    }),
  };
}

/** Likely duplicates of a customer. */
export function useDuplicates(customerId: number) {
  return useQuery(customerQueries.duplicates(customerId));
}

/** Say a suggested duplicate is another person: the pair is not suggested again. */
export function useDismissDuplicate(customerId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (otherId: number) =>
      api(`/api/customers/${customerId}/duplicates/${otherId}/dismiss`, z.unknown(), { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...customerQueries.all(), 'duplicates'] }),
  });
}

/** Merge another customer into this one, or undo a recorded merge (profiles, lists and threads refetch). */
export function useMergeActions(customerId: number) {
  const refresh = useRefreshAfterMerge();
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
