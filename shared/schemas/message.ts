import { z } from 'zod';
import { ChannelKindSchema, DeliveryStatusSchema, DirectionSchema, SentimentSchema } from './common';

/** Attachment metadata shown in the timeline. */
export const AttachmentSchema = z.object({
  kind: z.string(),
  url: z.string().optional(),
  providerMediaId: z.string().optional(),
  mimeType: z.string().optional(),
  name: z.string().optional(),
  size: z.number().optional(),
});
/** Attachment DTO. */
export type Attachment = z.infer<typeof AttachmentSchema>;

/** One timeline entry. */
export const MessageSchema = z.object({
  id: z.number(),
  threadId: z.number(),
  episodeId: z.number().nullable(),
  direction: DirectionSchema,
  channel: ChannelKindSchema.nullable(),
  identityId: z.number().nullable(),
  authorAgentId: z.number().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  subject: z.string().nullable(),
  attachments: z.array(AttachmentSchema),
  providerTs: z.number().nullable(),
  receivedAt: z.number(),
  sortTs: z.number(),
  deliveryStatus: DeliveryStatusSchema.nullable(),
  deliveryError: z.string().nullable(),
  isAuto: z.boolean(),
  sentiment: SentimentSchema.nullable(),
  systemKind: z.string().nullable(),
  /** For agent replies: how long the customer had waited for this reply (ms). */
  waitedMs: z.number().nullable(),
  /**
   * The key the author's browser sent with a reply or note (null for everything else). Echoed so
   * the sender matches its optimistic message to the stored one; defaults to null for events
   * logged before it existed.
   */
  clientId: z.string().nullable().default(null),
  /** Structured facts for rendering: who/what of a system entry, the kind of an automatic message, edits. */
  meta: z.record(z.string(), z.unknown()).optional(),
});
/** Message DTO. */
export type Message = z.infer<typeof MessageSchema>;

/** A page of messages in ascending order; `before` fetches the previous page. */
export const MessagePageSchema = z.object({
  items: z.array(MessageSchema),
  before: z.string().nullable(),
});
/** Message page DTO. */
export type MessagePage = z.infer<typeof MessagePageSchema>;

/** Query for paging a thread's messages backwards. */
export const MessagePageQuerySchema = z.object({
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Agent reply to the customer. */
export const ReplyRequestSchema = z.object({
  text: z.string().trim().min(1, 'is empty').max(20_000),
  /** Another identity of the same customer to reply on; defaults to the last-used one. */
  identityId: z.number().int().positive().optional(),
  /** Client-generated key so a retried POST does not send twice. */
  clientId: z.string().max(64).optional(),
  /**
   * The newest message the agent had seen when they wrote this: if a colleague replied after it, the
   * answer is 409 `confirmation_required` with their replies (send again with a newer id to go ahead).
   */
  seenMessageId: z.number().int().nonnegative().optional(),
  /** The agent confirmed acting on a thread assigned to a colleague (see the team setting). */
  confirm: z.boolean().optional(),
  /** Links to files to send along (metadata; the channel sends what it supports). */
  attachments: z
    .array(
      z.object({
        kind: z.string().max(20).default('file'),
        url: z.string().url().max(2000),
        name: z.string().max(200).optional(),
        mimeType: z.string().max(100).optional(),
        size: z.number().int().nonnegative().optional(),
      }),
    )
    .max(10)
    .default([]),
});

/** Internal note. */
export const NoteRequestSchema = z.object({
  text: z.string().trim().min(1, 'is empty').max(20_000),
  clientId: z.string().max(64).optional(),
});
