import { z } from 'zod';
import { ChannelKindSchema } from './common';

/**
 * Live counts for the inbox views, as the requesting agent may see them. The assignee, team and
 * channel views count open threads; the status views count every thread in that status.
 */
export const ThreadCountsSchema = z.object({
  mine: z.number(),
  unassigned: z.number(),
  all: z.number(),
  teams: z.array(z.object({ teamId: z.number(), count: z.number() })),
  channels: z.array(z.object({ channel: ChannelKindSchema, count: z.number() })),
  statuses: z.object({ open: z.number(), pending: z.number(), snoozed: z.number(), resolved: z.number() }),
  /** Unread customer messages in threads assigned to the requesting agent (for the tab title). */
  unreadMine: z.number(),
});
/** View counts DTO. */
export type ThreadCounts = z.infer<typeof ThreadCountsSchema>;
