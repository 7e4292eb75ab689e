import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TeamSchema } from '#shared/schemas/agent';
import { TeamConfigSchema, type TeamConfigDto, type TeamSettings } from '#shared/schemas/teamSettings';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import { api } from './http';
import { directoryQueries } from './directory';

/** A team's business hours (null = always open) and automation settings. */
export type TeamConfig = TeamConfigDto;

/** Fields of a team. */
export interface TeamInput {
  name: string;
  autoAssign: boolean;
}

/** Create, rename and switch auto-assignment of teams (admins). */
export function useTeamAdmin() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: directoryQueries.teams().queryKey });
  return {
    create: useMutation({
      mutationFn: (body: TeamInput) => api('/api/teams', TeamSchema, { method: 'POST', body }),
      onSuccess: done,
    }),
    // Always both fields: the server's partial team schema would reset an omitted autoAssign to false.
    update: useMutation({
      mutationFn: ({ id, ...body }: TeamInput & { id: number }) =>
        api(`/api/teams/${id}`, TeamSchema, { method: 'PATCH', body }),
      onSuccess: done,
    }),
  };
}

/** A team's business hours and settings (not under 'teams', so renaming a team does not refetch every config). */
export const teamConfigQuery = (teamId: number) =>
  queryOptions({
    queryKey: ['team-config', teamId] as const,
    queryFn: ({ signal }) => api(`/api/teams/${teamId}/config`, TeamConfigSchema, { signal }),
  });

/** One team's business hours and settings. */
export function useTeamConfig(teamId: number) {
  return useQuery(teamConfigQuery(teamId));
}

/** Save a team's business hours and its complete settings (admins). */
export function useSaveTeamConfig(teamId: number) {
  const qc = useQueryClient();
  return useMutation({
    // Settings go whole: the server fills omitted settings with defaults rather than keeping them.
    mutationFn: (body: { businessHours: BusinessSchedule | null; settings: TeamSettings }) =>
      api(`/api/teams/${teamId}/config`, TeamConfigSchema, { method: 'PATCH', body }),
    onSuccess: (cfg) => qc.setQueryData(teamConfigQuery(teamId).queryKey, cfg),
  });
}
