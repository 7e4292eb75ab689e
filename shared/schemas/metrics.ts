import { z } from 'zod';
import { PrioritySchema } from './common';

/** A duration in calendar and in business time. */
export const DurationPairSchema = z.object({ calendarMs: z.number(), businessMs: z.number() });

/** Response-time figures of one episode. */
export const EpisodeMetricsSchema = z.object({
  episodeId: z.number(),
  number: z.number(),
  /** The team holding the episode (business time uses its hours). */
  teamId: z.number().nullable(),
  /** Start of every measure of the episode: the effective time of the message that opened it. */
  openedAt: z.number(),
  resolvedAt: z.number().nullable(),
  firstResponse: DurationPairSchema.nullable(),
  nextResponses: z.array(DurationPairSchema),
  averageReply: DurationPairSchema.nullable(),
  resolution: DurationPairSchema.nullable(),
  /** Agent replies the provider refused for good: never responses, shown apart. */
  failedReplies: z.number(),
  replies: z.array(
    z.object({
      messageId: z.number(),
      agentId: z.number().nullable(),
      waitedFrom: z.number(),
      repliedAt: z.number(),
      calendarMs: z.number(),
      businessMs: z.number(),
      isFirst: z.boolean(),
    }),
  ),
  sentimentStart: z.number().nullable(),
  sentimentEnd: z.number().nullable(),
  sentimentChange: z.enum(['turned_around', 'soured', 'steady']).nullable(),
  predictedWaitMs: z.number().nullable(),
  survey: z.object({ kind: z.enum(['csat', 'nps']), score: z.number().nullable() }).nullable(),
});
/** Episode metrics DTO. */
export type EpisodeMetricsDto = z.infer<typeof EpisodeMetricsSchema>;

/** Sentiment over a thread: each inbound score and a rolling average. */
export const SentimentTrendSchema = z.object({
  points: z.array(
    z.object({
      messageId: z.number(),
      at: z.number(),
      score: z.number(),
      rolling: z.number(),
      language: z.string().nullable(),
    }),
  ),
  current: z.number().nullable(),
});

/** Per-thread metrics. */
export const ThreadMetricsSchema = z.object({
  threadId: z.number(),
  episodes: z.array(EpisodeMetricsSchema),
  sentiment: SentimentTrendSchema,
});
/** Thread metrics DTO. */
export type ThreadMetrics = z.infer<typeof ThreadMetricsSchema>;

/** Aggregate figures for an agent or team over a date range. */
export const AggregateMetricsSchema = z.object({
  replies: z.number(),
  /** Replies the provider refused for good (they never count as responses). */
  failedReplies: z.number(),
  episodes: z.number(),
  resolved: z.number(),
  firstResponse: z.object({
    count: z.number(),
    avg: DurationPairSchema.nullable(),
    median: DurationPairSchema.nullable(),
  }),
  reply: z.object({ count: z.number(), avg: DurationPairSchema.nullable() }),
  resolution: z.object({ count: z.number(), avg: DurationPairSchema.nullable() }),
  csat: z.object({ count: z.number(), avg: z.number().nullable() }),
  nps: z.object({ count: z.number(), score: z.number().nullable() }),
  sentiment: z.object({ count: z.number(), avg: z.number().nullable(), turnedAround: z.number(), soured: z.number() }),
  sla: z.object({ breaches: z.number(), warnings: z.number() }),
});
/** Aggregate DTO. */
export type AggregateMetrics = z.infer<typeof AggregateMetricsSchema>;

/** Date-range query for aggregate metrics (epoch ms; defaults to the last 7 days). */
export const MetricsRangeQuerySchema = z.object({
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
});

/** SLA policy as admins edit it. */
export const SlaPolicySchema = z.object({
  id: z.number(),
  name: z.string(),
  match: z.object({
    teamIds: z.array(z.number()).optional(),
    channels: z.array(z.string()).optional(),
    tiers: z.array(z.string()).optional(),
    priorities: z.array(PrioritySchema).optional(),
  }),
  firstResponseMs: z.number().nullable(),
  nextResponseMs: z.number().nullable(),
  resolutionMs: z.number().nullable(),
  businessHours: z.boolean(),
});
/** SLA policy DTO. */
export type SlaPolicyDto = z.infer<typeof SlaPolicySchema>;

/** Create or replace an SLA policy. */
export const SlaPolicyRequestSchema = SlaPolicySchema.omit({ id: true }).extend({
  firstResponseMs: z.number().int().positive().nullable().default(null),
  nextResponseMs: z.number().int().positive().nullable().default(null),
  resolutionMs: z.number().int().positive().nullable().default(null),
  businessHours: z.boolean().default(true),
  name: z.string().trim().min(1).max(80),
});

/** How well the acknowledgement predicted the wait. */
export const PredictionAccuracySchema = z.object({
  count: z.number(),
  meanAbsoluteErrorMs: z.number().nullable(),
  withinFactor2: z.number().nullable(),
  samples: z.array(z.object({ episodeId: z.number(), predictedMs: z.number(), actualMs: z.number() })),
});
