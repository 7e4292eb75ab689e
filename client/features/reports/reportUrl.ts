// The report's filters and the figure picked live in the address (/reports?from=…&to=…&teamId=…), so
// a supervisor can bookmark a report or send a colleague the very list behind a figure.
import { CHANNEL_KINDS } from '#shared/channels';
import { DRILL_METRICS } from '#shared/schemas/reports';
import type { ReportFilters } from '#client/api/reports';
import type { Pick } from './AgentTable';
import { isOneOf } from '#shared/oneOf';

const int = (v: string | null): number | undefined => {
  const n = v === null || v === '' ? NaN : Number(v);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

/** Filters read from a query string; anything missing or invalid falls back to `defaults`. */
export function filtersFromSearch(search: string, defaults: ReportFilters): ReportFilters {
  const q = new URLSearchParams(search);
  const from = int(q.get('from'));
  const to = int(q.get('to'));
  const range =
    from !== undefined && to !== undefined && from < to ? { from, to } : { from: defaults.from, to: defaults.to };
  const channel = q.get('channel');
  const teamId = int(q.get('teamId'));
  return {
    ...range,
    teamId: teamId && teamId > 0 ? teamId : undefined,
    channel: isOneOf(CHANNEL_KINDS, channel) ? channel : undefined,
    time: q.get('time') === 'business' ? 'business' : 'calendar',
  };
}

/** The figure picked in a query string (`drill`, `drillAgent`, `drillLabel`, `drillAbove`, `drillUpTo`), or null. */
export function pickFromSearch(search: string): Pick | null {
  const q = new URLSearchParams(search);
  const metric = q.get('drill');
  if (!isOneOf(DRILL_METRICS, metric)) return null;
  const agentId = int(q.get('drillAgent'));
  return {
    metric,
    agentId: agentId || undefined,
    label: q.get('drillLabel') ?? metric,
    above: int(q.get('drillAbove')),
    upTo: int(q.get('drillUpTo')),
  };
}

/** The query string of filters and a picked figure (undefined parts left out). */
export function reportHref(f: ReportFilters, pick: Pick | null): string {
  const q = new URLSearchParams();
  q.set('from', String(f.from));
  q.set('to', String(f.to));
  if (f.teamId !== undefined) q.set('teamId', String(f.teamId));
  if (f.channel) q.set('channel', f.channel);
  q.set('time', f.time);
  if (pick) {
    q.set('drill', pick.metric);
    if (pick.agentId !== undefined) q.set('drillAgent', String(pick.agentId));
    q.set('drillLabel', pick.label);
    if (pick.above !== undefined) q.set('drillAbove', String(pick.above));
    if (pick.upTo !== undefined) q.set('drillUpTo', String(pick.upTo));
  }
  return `/reports?${q.toString()}`;
}
