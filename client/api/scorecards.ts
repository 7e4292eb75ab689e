import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ScorecardSchema, type ScorecardPatch, type ScorecardRequest } from '#shared/schemas/reviews';
import { api } from './http';

/** Which rubrics to list: those in use (offered for new reviews) or archived ones too (settings). */
export type ScorecardScope = 'exclude' | 'include';

/** Query factory of the scorecards: `exclude` leaves archived ones out. */
export const scorecardsQuery = (archived: ScorecardScope = 'exclude') =>
  queryOptions({
    queryKey: ['scorecards', archived] as const,
    queryFn: ({ signal }) =>
      api(
        `/api/scorecards${archived === 'include' ? '?archived=include' : ''}`,
        z.object({ items: z.array(ScorecardSchema) }),
        { signal },
      ).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

/** Rubrics in use (the review form), or with the archived ones too (the settings page). */
export const useScorecards = (archived: ScorecardScope = 'exclude') => useQuery(scorecardsQuery(archived));

/** Define, change, archive or restore a rubric, or archive one and copy it (admins); each refreshes the lists. */
export function useScorecardAdmin() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['scorecards'] });
  const post = (path: string, body: object = {}) =>
    api(`/api/scorecards${path}`, ScorecardSchema, { method: 'POST', body });
  return {
    create: useMutation({ mutationFn: (body: ScorecardRequest) => post('', body), onSuccess: done }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: ScorecardPatch }) =>
        api(`/api/scorecards/${id}`, ScorecardSchema, { method: 'PATCH', body }),
      onSuccess: done,
    }),
    copy: useMutation({
      mutationFn: ({ id, body }: { id: number; body: ScorecardRequest }) => post(`/${id}/copy`, body),
      onSuccess: done,
    }),
    archive: useMutation({
      mutationFn: ({ id, archived }: { id: number; archived: boolean }) =>
        post(`/${id}/${archived ? 'archive' : 'unarchive'}`),
      onSuccess: done,
    }),
  };
}
