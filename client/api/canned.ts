import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CannedListSchema, CannedResponseSchema, type CannedResponse } from '#shared/schemas/canned';
import { api } from './http';

/** Canned responses this agent may insert (all language variants). */
export const cannedQuery = () =>
  queryOptions({
    queryKey: ['canned'] as const,
    queryFn: ({ signal }) => api('/api/canned-responses', CannedListSchema, { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

/** Canned responses this agent may insert. */
export function useCannedResponses() {
  return useQuery(cannedQuery());
}

/** Fields a lead or admin edits. */
export type CannedInput = Pick<CannedResponse, 'shortcut' | 'language' | 'title' | 'body' | 'teamId'>;

/** Create, edit or delete a canned response (leads and admins). */
export function useSaveCanned() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: cannedQuery().queryKey });
  return {
    create: useMutation({
      mutationFn: (v: CannedInput) => api('/api/canned-responses', CannedResponseSchema, { method: 'POST', body: v }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, ...v }: Partial<CannedInput> & { id: number }) =>
        api(`/api/canned-responses/${id}`, CannedResponseSchema, { method: 'PATCH', body: v }),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: number) =>
        api(`/api/canned-responses/${id}`, z.object({ ok: z.boolean() }), { method: 'DELETE' }),
      onSuccess: done,
    }),
  };
}

/**
 * The variant of a shortcut to insert for a customer: their language, then its base language
 * ("zh" for "zh-TW"), then the agent's UI language, then English, then whatever exists.
 */
export function pickVariant(
  variants: CannedResponse[],
  customerLanguage: string | null,
  agentLocale: string,
): CannedResponse | undefined {
  const base = (l: string) => l.toLowerCase().split('-')[0];
  const wanted = [
    customerLanguage,
    customerLanguage && base(customerLanguage),
    agentLocale,
    base(agentLocale),
    'en',
  ].filter((l): l is string => !!l);
  for (const w of wanted) {
    const exact = variants.find((v) => v.language.toLowerCase() === w.toLowerCase());
    if (exact) return exact;
    const loose = variants.find((v) => base(v.language) === base(w));
    if (loose) return loose;
  }
  return variants[0];
}
