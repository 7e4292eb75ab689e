import { z } from 'zod';
import { ChannelKindSchema } from './common';

const TeamId = z.number().int().positive();

/**
 * Where new threads go: the team of their channel, else the default team (null: no team — and
 * then no business hours, acknowledgement or survey). Admins read and replace it whole.
 */
export const RoutingSchema = z
  .object({
    defaultTeamId: TeamId.nullable(),
    byChannel: z.partialRecord(ChannelKindSchema, TeamId),
  })
  .strict();
/** Channel → team routing. */
export type RoutingDto = z.infer<typeof RoutingSchema>;
