import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { AgentSchema, TeamSchema } from '#shared/schemas/agent';
import { api } from './http';
import { qk } from './queryKeys';

/** All agents (names, roles, presence). */
export function useAgents() {
  return useQuery({
    queryKey: qk.agents(),
    queryFn: ({ signal }) =>
      api('/api/agents', z.object({ items: z.array(AgentSchema) }), { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** All teams. */
export function useTeams() {
  return useQuery({
    queryKey: qk.teams(),
    queryFn: ({ signal }) =>
      api('/api/teams', z.object({ items: z.array(TeamSchema) }), { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
