import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { AgentSchema, TeamSchema, type Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { api } from './http';

const list = <S extends z.ZodType>(path: string, item: S) =>
  queryOptions({
    queryKey: [path.slice('/api/'.length)] as const,
    queryFn: ({ signal }) => api(path, z.object({ items: z.array(item) }), { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

/** The directory: all agents (names, roles, presence) and all teams. */
export const directoryQueries = {
  agents: () => list('/api/agents', AgentSchema),
  teams: () => list('/api/teams', TeamSchema),
};

/** All agents. */
export function useAgents() {
  return useQuery(directoryQueries.agents());
}

/** All teams. */
export function useTeams() {
  return useQuery(directoryQueries.teams());
}

/** The teams someone oversees on the board and in reports: every team for supervisors and admins, else their own. */
export function overseenTeams<T extends { id: number }>(me: Pick<Agent, 'role' | 'teamIds'>, teams: readonly T[]): T[] {
  return hasRole(me.role, 'supervisor') ? [...teams] : teams.filter((x) => me.teamIds.includes(x.id));
}
