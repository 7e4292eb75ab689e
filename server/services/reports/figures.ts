import { decileGap, type Better } from '#server/domain/reports/deciles';
import { sentimentLift } from '#server/domain/reports/lift';
import { mean, share, spread } from '#server/domain/reports/stats';
import { DECILE_METRICS, type DecileDto, type DecileMetric, type ReportFigures } from '#shared/schemas/reports';
import type { Samples } from './samples';

const values = (xs: { value: number }[]) => xs.map((x) => x.value);

/** The figures of one agent or team from its samples. */
export function figuresOf(x: Samples): ReportFigures {
  const reopened = x.reopen.filter((s) => s.value === 1).length;
  const csat = values(x.csat);
  const nps = values(x.nps);
  const promoters = nps.filter((v) => v >= 9).length;
  const detractors = nps.filter((v) => v <= 6).length;
  return {
    handled: x.handled.size,
    firstResponse: spread(values(x.firstResponse)),
    nextResponse: spread(values(x.nextResponse)),
    resolution: spread(values(x.resolution)),
    reopen: { resolved: x.reopen.length, reopened, rate: share(reopened, x.reopen.length) },
    csat: {
      count: csat.length,
      avg: csat.length === 0 ? null : Math.round((csat.reduce((a, b) => a + b, 0) / csat.length) * 100) / 100,
      satisfied: share(csat.filter((v) => v >= 4).length, csat.length),
    },
    nps: {
      count: nps.length,
      score: nps.length === 0 ? null : Math.round(((promoters - detractors) / nps.length) * 100),
    },
    sentimentLift: sentimentLift(x.lift),
    review: { count: x.review.length, avg: mean(values(x.review), 1) },
  };
}

/** Each ranked metric: which way is better and where its value sits in the figures. */
export const DECILE_RULES: Record<DecileMetric, { better: Better; value: (f: ReportFigures) => number | null }> = {
  firstResponse: { better: 'lower', value: (f) => f.firstResponse.median },
  nextResponse: { better: 'lower', value: (f) => f.nextResponse.median },
  resolution: { better: 'lower', value: (f) => f.resolution.median },
  reopenRate: { better: 'lower', value: (f) => f.reopen.rate },
  csat: { better: 'higher', value: (f) => f.csat.avg },
  nps: { better: 'higher', value: (f) => f.nps.score },
  sentimentLift: { better: 'higher', value: (f) => f.sentimentLift.lift },
  review: { better: 'higher', value: (f) => f.review.avg },
};

/** The decile gap of every ranked metric over agents' figures (trend left empty for the caller). */
export function decilesOf(
  rows: Array<{ agentId: number; figures: ReportFigures }>,
  minConversations: number,
): Record<DecileMetric, DecileDto> {
  const out = {} as Record<DecileMetric, DecileDto>;
  for (const metric of DECILE_METRICS) {
    const rule = DECILE_RULES[metric];
    const inputs = rows.map((r) => ({
      agentId: r.agentId,
      value: rule.value(r.figures),
      conversations: r.figures.handled,
    }));
    out[metric] = { ...decileGap(inputs, rule.better, minConversations), trend: [] };
  }
  return out;
}
