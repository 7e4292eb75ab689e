import { z } from 'zod';
import { CHANNEL_KINDS } from '#shared/channels';

/** Roles, from least to most privileged. */
export const RoleSchema = z.enum(['agent', 'lead', 'supervisor', 'admin']);
/** One of agent / lead / supervisor / admin. */
export type Role = z.infer<typeof RoleSchema>;

/** Thread lifecycle states, in lifecycle order. */
export const THREAD_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
/** Thread lifecycle states. */
export const ThreadStatusSchema = z.enum(THREAD_STATUSES);
/** One thread status. */
export type ThreadStatus = z.infer<typeof ThreadStatusSchema>;

/** Thread priority levels. */
export const PrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
/** One priority level. */
export type Priority = z.infer<typeof PrioritySchema>;

/** Message directions: what the customer sent, what we sent, internal notes, system events. */
export const DirectionSchema = z.enum(['inbound', 'outbound', 'note', 'system']);
/** One message direction. */
export type Direction = z.infer<typeof DirectionSchema>;

/** Outbound delivery states, in precedence order (failed is terminal). */
export const DeliveryStatusSchema = z.enum(['queued', 'sent', 'delivered', 'read', 'failed']);
/** One delivery state. */
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** Channel kind as a schema. */
export const ChannelKindSchema = z.enum(CHANNEL_KINDS);

/** Agent presence. */
export const PresenceSchema = z.enum(['online', 'away', 'offline']);
/** One presence state. */
export type Presence = z.infer<typeof PresenceSchema>;

/** Sentiment labels, most negative first. */
export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
/** One sentiment label. */
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

/** Sentiment of one message or the thread's latest inbound message. */
export const SentimentSchema = z.object({
  score: z.number(),
  label: z.enum(SENTIMENT_LABELS),
  language: z.string().nullable(),
  /** How sure the analyser was, in [0, 1]; absent on thread summaries and on marks older than it. */
  confidence: z.number().min(0).max(1).nullable().optional(),
});
/** A sentiment reading. */
export type Sentiment = z.infer<typeof SentimentSchema>;

/** Positive integer id taken from a URL path segment. */
export const IdParamSchema = z.coerce.number().int().positive();

/** Role rank used for "at least" checks. */
export const ROLE_RANK: Record<Role, number> = { agent: 0, lead: 1, supervisor: 2, admin: 3 };

/** True when `role` is at least `min`. */
export function hasRole(role: Role, min: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[min];
}

/**
 * A PATCH body must change something: `{}` (or a body whose keys are all unknown, which zod
 * strips) is refused with 400 instead of reaching the database as an empty update.
 */
export function nonEmptyPatch<T extends z.ZodObject>(schema: T): T {
  return schema.refine((v) => Object.values(v as object).some((x) => x !== undefined), {
    message: 'nothing to change: send at least one known field',
  });
}

/** An http(s) URL a user enters for Braid to call (webhook endpoint, API-key callback); the server also refuses internal hosts. */
export const isHttpUrl = (u: string): boolean => /^https?:\/\//i.test(u);
