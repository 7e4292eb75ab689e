// Wire shapes of scorecards (rubrics) and reviews (scored episodes with comments on messages).
import { z } from 'zod';
import { CHANNEL_KINDS } from '#shared/channels';

/** One criterion of a rubric: scored 1–5 (`five`) or yes/no (`yesNo`), with a weight. */
export const CriterionSchema = z.object({
  label: z.string().trim().min(1).max(120),
  weight: z.number().positive().max(100),
  scale: z.enum(['five', 'yesNo']),
});
/** Criterion DTO. */
export type Criterion = z.infer<typeof CriterionSchema>;

/** A rubric as admins define it. */
export const ScorecardSchema = z.object({
  id: z.number(),
  name: z.string(),
  criteria: z.array(CriterionSchema),
  createdAt: z.number(),
  /** When an admin archived it: no longer offered for new reviews, still shown with its past ones. */
  archivedAt: z.number().nullable(),
  /** Reviews scored against it; once there is one, its criteria are fixed (docs/reports.md, "Scorecards"). */
  reviewCount: z.number(),
});
/** Scorecard DTO. */
export type Scorecard = z.infer<typeof ScorecardSchema>;

const ScorecardName = z.string().trim().min(1).max(80);
const ScorecardCriteria = z.array(CriterionSchema).min(1).max(20);

/** `POST /api/scorecards` and `POST /api/scorecards/:id/copy` (admins). */
export const ScorecardRequestSchema = z.object({ name: ScorecardName, criteria: ScorecardCriteria });
/** Scorecard create request body. */
export type ScorecardRequest = z.input<typeof ScorecardRequestSchema>;

/** `PATCH /api/scorecards/:id` (admins): a new name and/or new criteria (criteria only while unreviewed). */
export const ScorecardPatchSchema = z
  .object({ name: ScorecardName.optional(), criteria: ScorecardCriteria.optional() })
  .refine((p) => p.name !== undefined || p.criteria !== undefined, { message: 'expected a name or criteria' });
/** Scorecard patch body. */
export type ScorecardPatch = z.input<typeof ScorecardPatchSchema>;

/** `GET /api/scorecards?archived=include`: archived rubrics are left out unless asked for. */
export const ScorecardListQuerySchema = z.object({ archived: z.enum(['exclude', 'include']).default('exclude') });

/** A comment on one message of the reviewed episode (null: on the whole episode). */
export const ReviewCommentSchema = z.object({
  messageId: z.number().int().positive().nullable(),
  text: z.string().trim().min(1).max(2000),
});

/** `POST /api/reviews`: one value per criterion in the scorecard's order (1–5, or 1 yes / 0 no). */
export const ReviewRequestSchema = z.object({
  scorecardId: z.number().int().positive(),
  episodeId: z.number().int().positive(),
  scores: z.array(z.number().int().min(0).max(5)).min(1).max(20),
  comments: z.array(ReviewCommentSchema).max(50).default([]),
});
/** Review request body. */
export type ReviewRequest = z.input<typeof ReviewRequestSchema>;

/** A review as the reviewer, the reviewed agent and the reports see it. */
export const ReviewSchema = z.object({
  id: z.number(),
  scorecardId: z.number(),
  scorecardName: z.string(),
  episodeId: z.number(),
  threadId: z.number(),
  customerName: z.string(),
  agentId: z.number(),
  /** The team holding the episode. */
  teamId: z.number().nullable(),
  reviewerId: z.number(),
  reviewerName: z.string(),
  criteria: z.array(CriterionSchema),
  scores: z.array(z.number()),
  /** Weighted score 0–100. */
  score: z.number(),
  comments: z.array(ReviewCommentSchema.extend({ messageExcerpt: z.string().nullable() })),
  createdAt: z.number(),
  acknowledgedAt: z.number().nullable(),
});
/** Review DTO. */
export type Review = z.infer<typeof ReviewSchema>;

/** `GET /api/reviews?agentId=&from=&to=`. */
export const ReviewListQuerySchema = z.object({
  agentId: z.coerce.number().int().positive().optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().positive().optional(),
});

/** Why a conversation is in the review queue (docs/reports.md, "Review queue"). */
export const REVIEW_QUEUE_REASONS = ['random', 'lowCsat', 'negativeEnd', 'slaBreached', 'longResolution'] as const;
/** A review-queue reason. */
export type ReviewQueueReason = (typeof REVIEW_QUEUE_REASONS)[number];

/** `GET /api/reviews/queue?reason=&teamId=&agentId=&from=&to=&limit=` (leads and above). */
export const ReviewQueueQuerySchema = z
  .object({
    reason: z.enum(REVIEW_QUEUE_REASONS).default('random'),
    teamId: z.coerce.number().int().positive().optional(),
    agentId: z.coerce.number().int().positive().optional(),
    channel: z.enum(CHANNEL_KINDS).optional(),
    from: z.coerce.number().int().nonnegative().optional(),
    to: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: 'from must be before to' });
/** Review queue query. */
export type ReviewQueueQuery = z.infer<typeof ReviewQueueQuerySchema>;

/** One resolved, not yet reviewed conversation proposed for review, with what put it in the queue. */
export const ReviewQueueItemSchema = z.object({
  episodeId: z.number(),
  threadId: z.number(),
  customerName: z.string(),
  agentId: z.number().nullable(),
  agentName: z.string().nullable(),
  teamId: z.number().nullable(),
  resolvedAt: z.number(),
  /** Calendar ms from the episode's start to its resolution. */
  resolutionMs: z.number(),
  csat: z.number().nullable(),
  nps: z.number().nullable(),
  sentimentEnd: z.number().nullable(),
  slaBreaches: z.number(),
});
/** Review queue item DTO. */
export type ReviewQueueItem = z.infer<typeof ReviewQueueItemSchema>;
