// Report answers shared by the reports screen tests.
import type { AgentReport, DecileDto, LeadingReport, ReportFigures } from '#shared/schemas/reports';

export const MIN = 60_000;
const spread = (median: number | null, p90: number | null, count = median === null ? 0 : 3) => ({ count, median, p90 });
export const figures = (first: number | null, csat: number | null): ReportFigures => ({
  handled: 12,
  firstResponse: spread(first, first === null ? null : first * 2),
  nextResponse: spread(null, null),
  resolution: spread(60 * MIN, 120 * MIN),
  reopen: { resolved: 10, reopened: 1, rate: 0.1 },
  csat: { count: csat === null ? 0 : 4, avg: csat, satisfied: csat === null ? null : 0.75 },
  nps: { count: 0, score: null },
  sentimentLift: { count: 5, lift: 0.12, improved: 2, worsened: 1 },
  review: { count: 1, avg: 87.5 },
});
const decile = (top: [number, number], bottom: [number, number]): DecileDto => ({
  better: 'lower',
  minConversations: 5,
  qualified: 3,
  belowMinimum: [4],
  noValue: [],
  top: { agents: [{ agentId: top[0], value: top[1] }], value: top[1] },
  bottom: { agents: [{ agentId: bottom[0], value: bottom[1] }], value: bottom[1] },
  gap: bottom[1] - top[1],
  trend: [
    { from: 0, to: 1, gap: 10 * MIN },
    { from: 1, to: 2, gap: 12 * MIN },
  ],
});
export const agents: AgentReport = {
  from: 0,
  to: 1,
  time: 'calendar',
  attribution: 'Each reply belongs to its author.',
  items: [
    { agentId: 1, name: 'Ada', ...figures(2 * MIN, 4.5) },
    { agentId: 2, name: 'Bo', ...figures(5 * MIN, 4) },
    { agentId: 3, name: 'Cy', ...figures(14 * MIN, 3) },
  ],
  deciles: Object.fromEntries(
    ['firstResponse', 'nextResponse', 'resolution', 'reopenRate', 'csat', 'nps', 'sentimentLift', 'review'].map((m) => [
      m,
      decile([1, 2 * MIN], [3, 14 * MIN]),
    ]),
  ) as AgentReport['deciles'],
  earlier: [],
};
export const leading: LeadingReport = {
  from: 0,
  to: 1,
  time: 'calendar',
  attribution: '',
  expectations: { promised: 8, exceeded: 6, share: 0.75 },
  returning: { customers: 10, returned: 3, share: 0.3, compared: 2, improved: 1, improvedShare: 0.5 },
  compliments: { count: 4, episodes: 3, share: 0.3 },
  items: [],
};
