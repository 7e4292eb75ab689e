import { z } from 'zod';
import { ChannelKindSchema, PrioritySchema, SentimentSchema, ThreadStatusSchema } from './common';
import { IdentityHintSchema } from './customer';

/** SLA badge for a thread (filled by the SLA service when a policy applies). */
export const ThreadSlaSchema = z.object({
  state: z.enum(['ok', 'warning', 'breached']),
  kind: z.enum(['first_response', 'next_response', 'resolution']).nullable(),
  dueAt: z.number().nullable(),
  policyName: z.string(),
});
/** SLA badge DTO. */
export type ThreadSla = z.infer<typeof ThreadSlaSchema>;

/** A thread as it appears in the inbox list and in events. */
export const ThreadSummarySchema = z.object({
  id: z.number(),
  customer: z.object({ id: z.number(), name: z.string(), hint: IdentityHintSchema.nullable().optional() }),
  status: ThreadStatusSchema,
  snoozedUntil: z.number().nullable(),
  assigneeId: z.number().nullable(),
  teamId: z.number().nullable(),
  priority: PrioritySchema,
  waitingSince: z.number().nullable(),
  lastMessageAt: z.number(),
  lastMessageId: z.number().nullable(),
  lastMessagePreview: z.string(),
  lastInboundChannel: ChannelKindSchema.nullable(),
  channels: z.array(ChannelKindSchema),
  sentiment: SentimentSchema.nullable(),
  currentEpisodeId: z.number().nullable(),
  sla: ThreadSlaSchema.nullable(),
  /** Unread inbound messages for the requesting agent (absent in broadcast events). */
  unreadCount: z.number().optional(),
});
/** Thread summary DTO. */
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;

/** Who the list shows: me, nobody, anyone or a given agent id. */
export const AssigneeFilterSchema = z.union([z.enum(['me', 'unassigned', 'any']), z.coerce.number().int().positive()]);

/** Inbox list query. */
export const ThreadListQuerySchema = z.object({
  status: z.union([ThreadStatusSchema, z.literal('all')]).default('open'),
  assignee: AssigneeFilterSchema.default('any'),
  team: z.coerce.number().int().positive().optional(),
  channel: ChannelKindSchema.optional(),
  sort: z.enum(['waiting', 'activity', 'priority']).default('waiting'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** Parsed inbox list query. */
export type ThreadListQuery = z.infer<typeof ThreadListQuerySchema>;

/** One page of the inbox list. */
export const ThreadListResponseSchema = z.object({
  items: z.array(ThreadSummarySchema),
  nextCursor: z.string().nullable(),
});
/** Inbox page DTO. */
export type ThreadListResponse = z.infer<typeof ThreadListResponseSchema>;

/** One open→resolved cycle as shown in the customer panel. */
export const EpisodeSchema = z.object({
  id: z.number(),
  number: z.number(),
  openedAt: z.number(),
  resolvedAt: z.number().nullable(),
  firstResponseAt: z.number().nullable(),
  assigneeId: z.number().nullable(),
  surveyKind: z.enum(['csat', 'nps']).nullable(),
  surveyScore: z.number().nullable(),
  sentimentStart: z.number().nullable(),
  sentimentEnd: z.number().nullable(),
});
/** Episode DTO. */
export type Episode = z.infer<typeof EpisodeSchema>;

/** `confirm: true`: the agent confirmed acting on a thread assigned to a colleague (else 409 `confirmation_required`). */
export const ConfirmRequestSchema = z.object({ confirm: z.boolean().optional() });

/** Assign to an agent, or unassign with null. */
export const AssignRequestSchema = ConfirmRequestSchema.extend({ agentId: z.number().int().positive().nullable() });

/** Move a thread to a team (or none). */
export const TeamAssignRequestSchema = z.object({ teamId: z.number().int().positive().nullable() });

/** Change status; snoozing needs a future time. */
export const StatusRequestSchema = z
  .object({
    status: ThreadStatusSchema,
    snoozedUntil: z.number().int().positive().optional(),
    confirm: z.boolean().optional(),
  })
  .refine((v) => v.status !== 'snoozed' || v.snoozedUntil !== undefined, {
    message: 'snoozedUntil is required when snoozing',
    path: ['snoozedUntil'],
  });

/** Change priority. */
export const PriorityRequestSchema = z.object({ priority: PrioritySchema });

/** Mark a thread read up to a message. */
export const ReadRequestSchema = z.object({ lastMessageId: z.number().int().positive() });
