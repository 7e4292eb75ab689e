import { z } from 'zod';
import { SENTIMENT_LABELS } from './common';

/** An agent's correction of one message's sentiment mark. */
export const SentimentCorrectionRequestSchema = z.object({ label: z.enum(SENTIMENT_LABELS) });
/** Body of POST /api/messages/:id/sentiment. */
export type SentimentCorrectionRequest = z.infer<typeof SentimentCorrectionRequestSchema>;

/** One stored correction, as supervisors review them (newest first). */
export const SentimentCorrectionSchema = z.object({
  id: z.number(),
  messageId: z.number(),
  threadId: z.number(),
  agentId: z.number(),
  agentName: z.string(),
  fromLabel: z.enum(SENTIMENT_LABELS).nullable(),
  toLabel: z.enum(SENTIMENT_LABELS),
  text: z.string(),
  language: z.string().nullable(),
  createdAt: z.number(),
});
/** A stored correction. */
export type SentimentCorrection = z.infer<typeof SentimentCorrectionSchema>;
