import { z } from 'zod';

/** What a team alert rule watches; each fires when its figure goes ABOVE the rule's threshold. */
export const ALERT_KINDS = [
  'waiting_count',
  'oldest_wait_minutes',
  'sla_breaches_hour',
  'negative_spike_hour',
] as const;
/** One kind of alert rule. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** One rule of a team: fire when the figure of `kind` rises above `threshold`. */
export const AlertRuleSchema = z.object({
  kind: z.enum(ALERT_KINDS),
  threshold: z.number().int().min(0).max(100_000),
  enabled: z.boolean(),
});
/** Alert rule DTO. */
export type AlertRule = z.infer<typeof AlertRuleSchema>;

/** GET / PUT /api/teams/:id/alert-rules body: the team's whole rule set (one rule per kind at most). */
export const AlertRulesSchema = z
  .object({ rules: z.array(AlertRuleSchema).max(ALERT_KINDS.length) })
  .refine((b) => new Set(b.rules.map((r) => r.kind)).size === b.rules.length, {
    message: 'one rule per kind',
    path: ['rules'],
  });
/** The rule set of a team. */
export type AlertRules = z.infer<typeof AlertRulesSchema>;

/** A fired alert, in the history the board shows. */
export const AlertSchema = z.object({
  id: z.number(),
  teamId: z.number(),
  teamName: z.string(),
  kind: z.enum(ALERT_KINDS),
  threshold: z.number(),
  /** The figure when the alert fired. */
  value: z.number(),
  firedAt: z.number(),
  /** When the figure fell back to the threshold or below (the rule is armed again); null while it holds. */
  clearedAt: z.number().nullable(),
  ackedAt: z.number().nullable(),
  ackedById: z.number().nullable(),
  ackedByName: z.string().nullable(),
});
/** Alert DTO. */
export type Alert = z.infer<typeof AlertSchema>;

/** GET /api/alerts query. */
export const AlertsQuerySchema = z.object({
  status: z.enum(['open', 'acknowledged']).optional(),
  teamId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** GET /api/alerts answer: newest first. */
export const AlertListSchema = z.object({ items: z.array(AlertSchema) });
/** Alert list DTO. */
export type AlertList = z.infer<typeof AlertListSchema>;
