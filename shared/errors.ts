import { z } from 'zod';
import { MessageSchema } from './schemas/message';

/**
 * Stable, machine-readable error codes. Every error answer is `{ error, code, issues? }`: `error`
 * is a readable English sentence that may change, `code` is the contract clients branch on.
 */
export const ERROR_CODES = [
  'invalid_request',
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'confirmation_required',
  'scorecard_in_use',
  'payload_too_large',
  'unsupported_media_type',
  'unfetchable_url',
  'rate_limited',
  'channel_not_configured',
  'missing_signature',
  'invalid_signature',
  'upstream_failed',
  'internal',
] as const;

/** One stable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * What an agent must confirm before an action goes through (code `confirmation_required`, 409): the
 * thread is assigned to a colleague, and/or colleagues replied since the agent last saw the thread
 * (their replies, oldest first, as message objects).
 */
export const ConfirmationSchema = z.object({
  assignee: z.object({ id: z.number(), name: z.string() }).nullable(),
  replies: z.array(MessageSchema),
});
/** A confirmation request. */
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/** The body of every error answer. */
export const ErrorResponseSchema = z.object({
  error: z.string(),
  code: z.enum(ERROR_CODES),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  confirm: ConfirmationSchema.optional(),
});

/** The body of every error answer. */
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
