import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { AlertListSchema, AlertRulesSchema, AlertSchema, type AlertRules } from '#shared/schemas/alerts';
import { api } from './http';

/** Team alerts' queries: the history (refetched when an alert fires or is acknowledged) and each team's rules. */
export const alertQueries = {
  all: () => ['alerts'] as const,
  list: (status: 'open' | 'acknowledged' | null) =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'list', status] as const,
      queryFn: ({ signal }) =>
        api(status ? `/api/alerts?status=${status}` : '/api/alerts', AlertListSchema, { signal }),
      staleTime: Infinity,
    }),
  rules: (teamId: number) =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'rules', teamId] as const,
      queryFn: ({ signal }) => api(`/api/teams/${teamId}/alert-rules`, AlertRulesSchema, { signal }),
    }),
};

/** Acknowledge an alert (the list refreshes from the `alert.acknowledged` event too). */
export function useAcknowledgeAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/alerts/${id}/ack`, AlertSchema, { method: 'POST' }),
    onSettled: () => void qc.invalidateQueries({ queryKey: alertQueries.all() }),
  });
}

/** Replace a team's alert rules. */
export function useSaveAlertRules(teamId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AlertRules) =>
      api(`/api/teams/${teamId}/alert-rules`, AlertRulesSchema, { method: 'PUT', body }),
    onSuccess: (rules) => {
      qc.setQueryData(alertQueries.rules(teamId).queryKey, rules);
      void qc.invalidateQueries({ queryKey: [...alertQueries.all(), 'list'] });
    },
  });
}
