import { z } from 'zod';
import { scheduleProblems, type BusinessSchedule } from '../metrics/businessHours';
import { ChannelKindSchema } from './common';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A team's weekly business hours, holidays and time zone (validated like the maths expects). */
export const BusinessScheduleSchema = z
  .object({
    timeZone: z.string().min(1).max(64),
    weekly: z.record(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(z.tuple([z.string().regex(HHMM), z.string().regex(HHMM)])).max(6)),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(400).default([]),
  })
  .superRefine((s, ctx) => {
    for (const message of scheduleProblems(s as unknown as BusinessSchedule)) ctx.addIssue({ code: 'custom', message });
  });

/** Automation and alerting settings of a team. */
export const TeamSettingsSchema = z.object({
  /** Automatic acknowledgement with the predicted wait when a new episode opens. */
  acknowledgement: z
    .object({ enabled: z.boolean().default(false), channels: z.array(ChannelKindSchema).default([]) })
    .default({ enabled: false, channels: [] }),
  /** Survey sent on resolve. */
  survey: z.enum(['none', 'csat', 'nps']).default('none'),
  /** Leads are alerted when a thread's rolling sentiment drops below this. */
  sentimentThreshold: z.number().min(-1).max(1).default(-0.5),
});
/** Team settings. */
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

/** Admin edits a team's hours and settings. */
export const TeamConfigRequestSchema = z
  .object({ businessHours: BusinessScheduleSchema.nullable(), settings: TeamSettingsSchema.partial() })
  .partial();
