import { z } from 'zod';
import { CustomerSchema } from './schemas/customer';
import { EpisodeSchema, ThreadSummarySchema } from './schemas/thread';

/** Opening a thread: its summary, the customer with identities, and its episodes. */
export const ThreadDetailSchema = z.object({
  thread: ThreadSummarySchema,
  customer: CustomerSchema,
  episodes: z.array(EpisodeSchema),
});
/** Thread detail DTO. */
export type ThreadDetail = z.infer<typeof ThreadDetailSchema>;

/** Error body every failing request returns. */
export const ErrorBodySchema = z.object({
  error: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
/** Error DTO. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
