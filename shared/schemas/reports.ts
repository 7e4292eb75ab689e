// Wire shapes of the supervisor reports (docs/reports.md): per-agent and per-team figures, the decile
// gap, leading indicators and the conversations behind a figure.
import { z } from 'zod';
import { CHANNEL_KINDS } from '#shared/channels';

const DAY = 86_400_000;
/** Longest range one report may cover. */
export const MAX_REPORT_DAYS = 400;

/** Filters every report takes: range [from, to) in epoch ms, team, channel, calendar or business time. */
export const ReportQuerySchema = z
  .object({
    from: z.coerce.number().int().nonnegative().optional(),
    to: z.coerce.number().int().positive().optional(),
    teamId: z.coerce.number().int().positive().optional(),
    agentId: z.coerce.number().int().positive().optional(),
    channel: z.enum(CHANNEL_KINDS).optional(),
    time: z.enum(['calendar', 'business']).default('calendar'),
    /** Conversations an agent must have handled to be ranked in the decile gap. */
    min: z.coerce.number().int().min(1).max(10_000).default(5),
    /** How many periods of the same length (this one included) the decile-gap trend covers. */
    periods: z.coerce.number().int().min(1).max(12).default(1),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'from must be before to',
    path: ['from'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to - q.from <= MAX_REPORT_DAYS * DAY, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
/** Parsed report filters. */
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

/** Count, median and p90 of durations in ms (in the report's calendar or business time). */
export const SpreadSchema = z.object({ count: z.number(), median: z.number().nullable(), p90: z.number().nullable() });

/** The figures of one agent or team. */
export const ReportFiguresSchema = z.object({
  /** Distinct episodes with an accepted reply by, or resolved by, the agent (or held by the team). */
  handled: z.number(),
  firstResponse: SpreadSchema,
  nextResponse: SpreadSchema,
  resolution: SpreadSchema,
  /** Resolved episodes followed by a new episode of the same thread within 7 days. */
  reopen: z.object({ resolved: z.number(), reopened: z.number(), rate: z.number().nullable() }),
  /** CSAT 1–5: average and share of 4 and 5. */
  csat: z.object({ count: z.number(), avg: z.number().nullable(), satisfied: z.number().nullable() }),
  /** NPS: % promoters (9–10) − % detractors (0–6). */
  nps: z.object({ count: z.number(), score: z.number().nullable() }),
  sentimentLift: z.object({
    count: z.number(),
    lift: z.number().nullable(),
    improved: z.number(),
    worsened: z.number(),
  }),
  /** Reviews of the agent's episodes: how many and their mean weighted score (0–100). */
  review: z.object({ count: z.number(), avg: z.number().nullable() }),
});
/** Figures DTO. */
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

/** Metrics ranked in the decile gap. */
export const DECILE_METRICS = [
  'firstResponse',
  'nextResponse',
  'resolution',
  'reopenRate',
  'csat',
  'nps',
  'sentimentLift',
  'review',
] as const;
/** One ranked metric. */
export type DecileMetric = (typeof DECILE_METRICS)[number];

const GroupSchema = z.object({
  agents: z.array(z.object({ agentId: z.number(), value: z.number() })),
  value: z.number(),
});

/** Top and bottom 10 % of agents on one metric and the gap between them. */
export const DecileSchema = z.object({
  better: z.enum(['lower', 'higher']),
  minConversations: z.number(),
  qualified: z.number(),
  belowMinimum: z.array(z.number()),
  noValue: z.array(z.number()),
  top: GroupSchema.nullable(),
  bottom: GroupSchema.nullable(),
  gap: z.number().nullable(),
  /** The gap in this and the earlier periods of the same length, oldest first. */
  trend: z.array(z.object({ from: z.number(), to: z.number(), gap: z.number().nullable() })),
});
/** Decile DTO. */
export type DecileDto = z.infer<typeof DecileSchema>;

const RangeFields = {
  from: z.number(),
  to: z.number(),
  time: z.enum(['calendar', 'business']),
  attribution: z.string(),
};

/** `GET /api/reports/agents`. */
export const AgentReportSchema = z.object({
  ...RangeFields,
  items: z.array(ReportFiguresSchema.extend({ agentId: z.number(), name: z.string() })),
  /** Per metric; null for agents (they see only their own figures). */
  deciles: z.record(z.enum(DECILE_METRICS), DecileSchema).nullable(),
  /** The same figures for the `periods − 1` earlier periods of the same length, oldest first. */
  earlier: z.array(
    z.object({
      from: z.number(),
      to: z.number(),
      items: z.array(ReportFiguresSchema.extend({ agentId: z.number() })),
    }),
  ),
});
/** Agent report DTO. */
export type AgentReport = z.infer<typeof AgentReportSchema>;

/** `GET /api/reports/teams`: per team, the whole scope, the first-response histogram and a trend. */
export const TeamReportSchema = z.object({
  ...RangeFields,
  items: z.array(ReportFiguresSchema.extend({ teamId: z.number().nullable(), name: z.string() })),
  total: ReportFiguresSchema,
  histogram: z.array(z.object({ upToMs: z.number().nullable(), count: z.number() })),
  trend: z.array(
    z.object({
      from: z.number(),
      firstResponseMedian: z.number().nullable(),
      csat: z.number().nullable(),
      handled: z.number(),
    }),
  ),
});
/** Team report DTO. */
export type TeamReport = z.infer<typeof TeamReportSchema>;

/** Leading indicators that list the conversations behind them (docs/reports.md). */
export const LEADING_METRICS = ['expectations', 'returning', 'compliments'] as const;
/** One leading-indicator drill-down. */
export type LeadingMetric = (typeof LEADING_METRICS)[number];

/** What a drill-down lists: a figure of the agent/team reports or a leading indicator. */
export const DRILL_METRICS = ['handled', ...DECILE_METRICS, ...LEADING_METRICS] as const;
/** One drill-down metric. */
export type DrillMetric = (typeof DRILL_METRICS)[number];

/** `GET /api/reports/conversations`: the episodes behind one figure. */
export const DrillQuerySchema = z
  .object({
    metric: z.enum(DRILL_METRICS),
    /** Only samples whose value is above this (ms for durations): a histogram bin's lower edge. */
    above: z.coerce.number().int().nonnegative().optional(),
    /** Only samples whose value is at most this: a histogram bin's upper edge. */
    upTo: z.coerce.number().int().nonnegative().optional(),
  })
  .refine((q) => q.above === undefined || q.upTo === undefined || q.above < q.upTo, {
    message: 'above must be less than upTo',
    path: ['above'],
  });
/** Drill-down query: a metric and, optionally, a value range (a histogram bin). */
export type DrillQuery = z.infer<typeof DrillQuerySchema>;

/**
 * The episodes behind a figure, each with its value (ms, score, 1/0 or sentiment change; for the
 * leading indicators 1/0: answered sooner than promised, came back within 30 days, a compliment).
 */
export const DrillSchema = z.object({
  metric: z.enum(DRILL_METRICS),
  total: z.number(),
  items: z.array(
    z.object({
      episodeId: z.number(),
      threadId: z.number(),
      customerName: z.string(),
      at: z.number(),
      value: z.number(),
    }),
  ),
});
/** Drill-down DTO. */
export type DrillDto = z.infer<typeof DrillSchema>;

const ExceededSchema = z.object({ promised: z.number(), exceeded: z.number(), share: z.number().nullable() });
const ReturningSchema = z.object({
  customers: z.number(),
  returned: z.number(),
  share: z.number().nullable(),
  compared: z.number(),
  improved: z.number(),
  improvedShare: z.number().nullable(),
});
const ComplimentsSchema = z.object({ count: z.number(), episodes: z.number(), share: z.number().nullable() });

/** `GET /api/reports/leading`: indicators that move before NPS does, in total and per agent. */
export const LeadingReportSchema = z.object({
  ...RangeFields,
  expectations: ExceededSchema,
  returning: ReturningSchema,
  compliments: ComplimentsSchema,
  items: z.array(
    z.object({
      agentId: z.number(),
      name: z.string(),
      expectations: ExceededSchema,
      returning: ReturningSchema,
      compliments: z.object({ count: z.number() }),
    }),
  ),
});
/** Leading report DTO. */
export type LeadingReport = z.infer<typeof LeadingReportSchema>;
