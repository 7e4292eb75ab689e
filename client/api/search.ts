import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { AuditPageSchema } from '#shared/schemas/audit';
import { SearchResponseSchema } from '#shared/schemas/search';
import type { z } from 'zod';
import { api } from './http';

/** Search and audit filters as they travel in the URL: only the fields that are set. */
export type QueryFields = Record<string, string>;

/** The query string of a set of filters (empty values left out, keys in a stable order). */
export function toQueryString(fields: QueryFields): string {
  const params = new URLSearchParams();
  for (const k of Object.keys(fields).sort()) if (fields[k] !== '') params.set(k, fields[k]);
  return params.toString();
}

/** Pages of `/api/<name>` matching `fields`, newest first, each asked from where the one before ended. */
function cursorPages<N extends 'search' | 'audit', P extends { nextCursor: string | null }>(
  name: N,
  schema: z.ZodType<P>,
  fields: QueryFields,
  staleTime = 0,
) {
  return infiniteQueryOptions({
    queryKey: [name, toQueryString(fields)] as const,
    queryFn: ({ signal, pageParam }) =>
      api(`/api/${name}?${toQueryString({ ...fields, ...(pageParam ? { cursor: pageParam } : {}) })}`, schema, {
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime,
  });
}

/** Message search and audit log pages, keyed by their filters. */
export const supervisionQueries = {
  /** Messages matching the text and filters, newest first, page by page. */
  search: (fields: QueryFields) => cursorPages('search', SearchResponseSchema, fields, 30_000),
  /** The audit log (admins), newest first, page by page. */
  audit: (fields: QueryFields) => cursorPages('audit', AuditPageSchema, fields),
};

/** Message search (nothing is asked while the text is empty). */
export function useMessageSearch(fields: QueryFields) {
  return useInfiniteQuery({
    ...supervisionQueries.search(fields),
    enabled: (fields.q ?? '').trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

/** The audit log with filters (admins only: others would just be refused). */
export function useAuditLog(fields: QueryFields, enabled = true) {
  return useInfiniteQuery({ ...supervisionQueries.audit(fields), enabled, placeholderData: keepPreviousData });
}
