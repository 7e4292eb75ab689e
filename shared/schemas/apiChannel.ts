import { z } from 'zod';

/** A message posted by a custom integration to the API channel. */
export const ApiChannelMessageSchema = z.object({
  customer: z.object({
    /** The integration's own stable id for this person. */
    id: z.string().trim().min(1).max(200),
    name: z.string().trim().max(200).optional(),
    email: z.string().trim().email().max(254).optional(),
    phone: z.string().trim().max(40).optional(),
  }),
  message: z.object({
    /** The integration's id for this message: a repeat with the same id is stored once. */
    id: z.string().trim().min(1).max(200),
    text: z.string().max(20_000),
    /** When the customer wrote it: ISO 8601 or epoch milliseconds. */
    timestamp: z.union([z.string().datetime({ offset: true }), z.number().int().positive()]).optional(),
    attachments: z
      .array(
        z.object({
          url: z.string().url().max(2000),
          name: z.string().max(200).optional(),
          mimeType: z.string().max(100).optional(),
        }),
      )
      .max(20)
      .default([]),
  }),
});
/** API-channel message as posted. */
export type ApiChannelMessage = z.infer<typeof ApiChannelMessageSchema>;

/** What the API channel answers. */
export const ApiChannelResultSchema = z.object({
  status: z.enum(['stored', 'duplicate']),
  messageId: z.number(),
  threadId: z.number(),
  customerId: z.number(),
});
