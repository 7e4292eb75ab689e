import { z } from 'zod';
import { scheduleProblems, type BusinessSchedule } from '#shared/metrics/businessHours';
import { ChannelKindSchema, nonEmptyPatch } from './common';
import { RoutingModeSchema } from './routingExplain';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A weekly schedule as stored: weekday ('0' = Sunday) → local [open, close) ranges; a missing day is closed. */
const ScheduleShape = z.object({
  timeZone: z.string().min(1).max(64),
  weekly: z.partialRecord(
    z.enum(['0', '1', '2', '3', '4', '5', '6']),
    z.array(z.tuple([z.string().regex(HHMM), z.string().regex(HHMM)])).max(6),
  ),
  holidays: z
    .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .max(400)
    .default([]),
});

/** A team's weekly business hours, holidays and time zone (validated like the maths expects). */
export const BusinessScheduleSchema = ScheduleShape.superRefine((s, ctx) => {
  for (const message of scheduleProblems(s as unknown as BusinessSchedule)) ctx.addIssue({ code: 'custom', message });
});

/** Languages Braid writes automatic customer messages in. */
export const CustomerTextLangSchema = z.enum(['en', 'th', 'pl', 'zh']);

const TeamRoutingShape = z.object({
  /** Round robin or least-loaded among the agents who qualify. */
  mode: RoutingModeSchema,
  /** Prefer an online agent who speaks the customer's language (when a team member does). */
  skills: z.boolean(),
  /** Minutes a thread waits for a speaker of its language before anyone with room may take it. */
  fallbackMinutes: z.number().int().min(0).max(1440),
  /** Team that threads unassigned for overflowMinutes move to (null = no overflow). */
  overflowTeamId: z.number().int().positive().nullable(),
  overflowMinutes: z.number().int().min(1).max(1440),
});

/** Routing rules a team starts with: round robin, language skills with a 5-minute fall-back, no overflow. */
export const ROUTING_DEFAULTS = {
  mode: 'roundRobin',
  skills: true,
  fallbackMinutes: 5,
  overflowTeamId: null,
  overflowMinutes: 15,
} as const;

/** How a team's auto-assignment picks agents (used when the team auto-assigns). */
export const TeamRoutingSchema = z
  .object({
    mode: TeamRoutingShape.shape.mode.default(ROUTING_DEFAULTS.mode),
    skills: z.boolean().default(ROUTING_DEFAULTS.skills),
    fallbackMinutes: TeamRoutingShape.shape.fallbackMinutes.default(ROUTING_DEFAULTS.fallbackMinutes),
    overflowTeamId: TeamRoutingShape.shape.overflowTeamId.default(ROUTING_DEFAULTS.overflowTeamId),
    overflowMinutes: TeamRoutingShape.shape.overflowMinutes.default(ROUTING_DEFAULTS.overflowMinutes),
  })
  .default(ROUTING_DEFAULTS);
/** A team's routing rules. */
export type TeamRouting = z.output<typeof TeamRoutingSchema>;

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
  /** Automatic messages go in this language when Braid has no texts in the customer's. */
  defaultLanguage: CustomerTextLangSchema.default('en'),
  /** A short "thanks" / "ok 👍" within 7 days of a resolve is stored but keeps the thread resolved (no SLA clock). */
  courtesyKeepsResolved: z.boolean().default(true),
  /** Replying to, resolving, snoozing or reassigning a thread assigned to a colleague asks first. */
  confirmColleagueThreads: z.boolean().default(true),
  /** Auto-assignment rules: mode, language skills and fall-back, overflow. */
  routing: TeamRoutingSchema,
});
/** Team settings. */
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

/** A change to team settings: only what is sent changes (no defaults fill the rest). */
export const TeamSettingsPatchSchema = z.object({
  acknowledgement: z
    .object({ enabled: z.boolean(), channels: z.array(ChannelKindSchema) })
    .partial()
    .optional(),
  survey: z.enum(['none', 'csat', 'nps']).optional(),
  sentimentThreshold: z.number().min(-1).max(1).optional(),
  defaultLanguage: CustomerTextLangSchema.optional(),
  courtesyKeepsResolved: z.boolean().optional(),
  confirmColleagueThreads: z.boolean().optional(),
  routing: TeamRoutingShape.partial().optional(),
});
/** A team settings change. */
export type TeamSettingsPatch = z.infer<typeof TeamSettingsPatchSchema>;

/** Admin edits a team's hours and settings. */
export const TeamConfigRequestSchema = nonEmptyPatch(
  z.object({
    businessHours: BusinessScheduleSchema.nullable().optional(),
    settings: TeamSettingsPatchSchema.optional(),
  }),
);

/** A team's configuration as the server answers it: hours (null = always open) and settings. */
export const TeamConfigSchema = z.object({ schedule: ScheduleShape.nullable(), settings: TeamSettingsSchema });
/** Team configuration DTO. */
export type TeamConfigDto = z.infer<typeof TeamConfigSchema>;
