import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import {
  AgentReportSchema,
  DrillSchema,
  LeadingReportSchema,
  TeamReportSchema,
  type DrillMetric,
} from '#shared/schemas/reports';
import { api } from './http';

/** The filters of the reports screen, as sent to every report endpoint. */
export interface ReportFilters {
  from: number;
  to: number;
  teamId?: number;
  channel?: string;
  time: 'calendar' | 'business';
}

/** What a drill-down narrows to: one agent, one figure, optionally one histogram bin `(above, upTo]`. */
export interface DrillFilters {
  agentId?: number;
  metric: DrillMetric;
  above?: number;
  upTo?: number;
}

/** Query string of a report request (undefined filters left out). */
export function reportSearch(f: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
}

const report = <S extends Parameters<typeof api>[1]>(path: string, schema: S, f: object) =>
  queryOptions({
    queryKey: ['reports', path, f] as const,
    queryFn: ({ signal }) => api(`/api/reports/${path}?${reportSearch(f)}`, schema, { signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

/** Query factories of the reports (one key prefix, so a change to the facts can refresh them all). */
export const reportQueries = {
  agents: (f: ReportFilters) => report('agents', AgentReportSchema, { ...f, periods: 4 }),
  teams: (f: ReportFilters) => report('teams', TeamReportSchema, f),
  leading: (f: ReportFilters) => report('leading', LeadingReportSchema, f),
  drill: (f: ReportFilters & DrillFilters) => report('conversations', DrillSchema, f),
};

/** Per-agent figures and the decile gap. */
export const useAgentReport = (f: ReportFilters) => useQuery(reportQueries.agents(f));
/** Per-team figures, histogram and trend (leads and above). */
export const useTeamReport = (f: ReportFilters, enabled: boolean) => useQuery({ ...reportQueries.teams(f), enabled });
/** Expectations exceeded, returning customers, compliments. */
export const useLeadingReport = (f: ReportFilters) => useQuery(reportQueries.leading(f));
/** The conversations behind one figure (null: nothing picked). */
export const useDrill = (f: (ReportFilters & DrillFilters) | null) =>
  useQuery({
    ...reportQueries.drill(f ?? { from: 0, to: 1, time: 'calendar', metric: 'handled' }),
    enabled: f !== null,
  });
