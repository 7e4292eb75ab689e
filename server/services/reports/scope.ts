import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '#server/domain/access';
import { ForbiddenError } from '#server/errors';
import type { ChannelKind } from '#shared/channels';
import { hasRole } from '#shared/schemas/common';
import type { ReportQuery } from '#shared/schemas/reports';

const DAY = 86_400_000;

/** What one report reads: a range [from, to), whose facts, and which clock. */
export interface ReportScope {
  from: number;
  to: number;
  /** Teams whose facts count (the team holding the episode at the time); null: every team. */
  teamIds: number[] | null;
  channel?: ChannelKind;
  /** Only this agent's facts (agents reading their own report, or a drill-down into one agent). */
  agentId?: number;
  time: 'calendar' | 'business';
}

/**
 * The scope a viewer may read for a query (403 otherwise): supervisors and admins read every team;
 * leads their own teams; agents only their own facts. Range defaults to the 30 days before `now`.
 */
export function scopeFor(viewer: Viewer, q: ReportQuery, now: number): ReportScope {
  const to = q.to ?? now;
  const from = q.from ?? to - 30 * DAY;
  const base = { from, to, channel: q.channel, time: q.time };
  if (!hasRole(viewer.role, 'lead')) {
    if (q.agentId !== undefined && q.agentId !== viewer.id)
      throw new ForbiddenError('agents can only see their own figures');
    return { ...base, teamIds: q.teamId === undefined ? null : [q.teamId], agentId: viewer.id };
  }
  if (!hasRole(viewer.role, 'supervisor')) {
    if (q.teamId !== undefined && !viewer.teamIds.includes(q.teamId))
      throw new ForbiddenError('leads can only see their own teams');
    return { ...base, teamIds: q.teamId === undefined ? viewer.teamIds : [q.teamId], agentId: q.agentId };
  }
  return { ...base, teamIds: q.teamId === undefined ? null : [q.teamId], agentId: q.agentId };
}

/**
 * SQL conditions of a scope on one fact table alias: its time column in range, its team among the
 * scope's teams, its channel and agent when asked for.
 */
export function scopeWhere(s: ReportScope, alias: string, atColumn: string, channelAlias = alias): SQL {
  const col = (name: string, a = alias) => sql.raw(`${a}.${name}`);
  const parts: SQL[] = [sql`${col(atColumn)} >= ${s.from}`, sql`${col(atColumn)} < ${s.to}`];
  if (s.teamIds !== null)
    parts.push(
      s.teamIds.length === 0
        ? sql`0`
        : sql`${col('team_id')} in (${sql.join(
            s.teamIds.map((t) => sql`${t}`),
            sql`, `,
          )})`,
    );
  if (s.channel) parts.push(sql`${col('channel', channelAlias)} = ${s.channel}`);
  if (s.agentId !== undefined) parts.push(sql`${col('agent_id')} = ${s.agentId}`);
  return sql.join(parts, sql` and `);
}
