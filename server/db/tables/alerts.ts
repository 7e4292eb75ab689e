// Team alert rules leads configure and the alerts they fired (issue 11 §3).
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ALERT_KINDS } from '#shared/schemas/alerts';
import { agents, teams } from './people';
import { id, ref, int } from './columns';

/** The columns a rule and its alerts share: whose team, which figure, above what. */
const teamAlertColumns = () => ({
  id: id(),
  teamId: ref('team_id', () => teams.id),
  kind: text('kind', { enum: ALERT_KINDS }).notNull(),
  threshold: int('threshold'),
});

/** One rule per team and kind: fire when the figure rises above `threshold`. */
export const alertRules = sqliteTable(
  'alert_rules',
  {
    ...teamAlertColumns(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    updatedAt: int('updated_at'),
  },
  (t) => [uniqueIndex('alert_rules_team_kind_uq').on(t.teamId, t.kind)],
);

/**
 * Alerts fired: one row per crossing. While `cleared_at` is null the crossing holds and the rule
 * does not fire again (a partial unique index makes a second open crossing impossible).
 */
export const alerts = sqliteTable(
  'alerts',
  {
    ...teamAlertColumns(),
    value: int('value'),
    firedAt: int('fired_at'),
    clearedAt: integer('cleared_at'),
    ackedAt: integer('acked_at'),
    ackedBy: integer('acked_by').references(() => agents.id),
  },
  (t) => [
    uniqueIndex('alerts_crossing_uq')
      .on(t.teamId, t.kind)
      .where(sql`cleared_at is null`),
    index('alerts_team_fired_idx').on(t.teamId, t.firedAt),
  ],
);
