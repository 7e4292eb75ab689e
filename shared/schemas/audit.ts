import { z } from 'zod';
import { TimeZoneSchema } from './search';

/** Everything the audit log records. */
export const AUDIT_ACTIONS = [
  'customer.viewed',
  'customer.merged',
  'customer.unmerged',
  'customer.duplicate_dismissed',
  'customer.exported',
  'customer.erased',
  'search',
  'export',
  'thread.assigned',
  'thread.team_changed',
  'sentiment.corrected',
  'agent.created',
  'agent.updated',
  'agent.role_changed',
  'agent.deactivated',
  'agent.presence_set',
  'team.created',
  'team.updated',
  'settings.changed',
  'api_key.created',
  'api_key.revoked',
  'webhook.created',
  'webhook.deleted',
  'webhook.secret_rotated',
  'webhook.delivery_retried',
  'scorecard.created',
  'scorecard.updated',
  'scorecard.archived',
  'scorecard.unarchived',
  'alert.acknowledged',
  'team.alert_rules_changed',
  'thread.monitored',
] as const;
/** One audited action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/** GET /api/audit query (admins). */
export const AuditQuerySchema = z.object({
  actorId: z.coerce.number().int().positive().optional(),
  customerId: z.coerce.number().int().positive().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: day.optional(),
  to: day.optional(),
  tz: TimeZoneSchema.default('UTC'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
/** Parsed audit query. */
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** One audit entry as the admin screen shows it. */
export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.number(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  customerId: z.number().nullable(),
  customerName: z.string().nullable(),
  threadId: z.number().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
/** Audit entry DTO. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** One page of the audit log, newest first. */
export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
/** Audit page DTO. */
export type AuditPage = z.infer<typeof AuditPageSchema>;
