import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { AgentSchema, type CreateAgentRequestSchema, type UpdateAgentRequestSchema } from '#shared/schemas/agent';
import { api } from './http';
import { meQuery } from './auth';
import { directoryQueries } from './directory';

/** Everything an admin fills in to create an agent. */
export type NewAgentInput = z.input<typeof CreateAgentRequestSchema>;
/** The fields an admin may change on an existing agent. */
export type AgentPatch = z.output<typeof UpdateAgentRequestSchema>;

/** Create and edit agents (admins); the directory, team members and "me" refresh afterwards. */
export function useAgentAdmin() {
  const qc = useQueryClient();
  // Team member lists change with an agent's teams, and an admin may be editing themselves.
  const done = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: directoryQueries.agents().queryKey }),
      qc.invalidateQueries({ queryKey: directoryQueries.teams().queryKey }),
      qc.invalidateQueries({ queryKey: meQuery().queryKey }),
    ]);
  return {
    create: useMutation({
      mutationFn: (body: NewAgentInput) => api('/api/agents', AgentSchema, { method: 'POST', body }),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: number; patch: AgentPatch }) =>
        api(`/api/agents/${id}`, AgentSchema, { method: 'PATCH', body: patch }),
      onSuccess: done,
    }),
  };
}
