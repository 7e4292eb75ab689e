// SQL conditions for the search filters, shared by message search and the conversations export.
import { sql, type Column, type SQL } from 'drizzle-orm';
import type { ChannelKind } from '#shared/channels';
import { customers, episodes, messages, slaAlerts, threads } from '#server/db/schema';
import { isoDateToDay, localMidnight } from '#shared/metrics/timeZone';
import type { SearchFilters } from '#shared/schemas/search';
import { HttpError } from '#server/errors';

/** Instant range [start, end) of the local dates `from`..`to` (inclusive) in `tz`. */
export function dateRange(f: Pick<SearchFilters, 'from' | 'to' | 'tz'>): { start?: number; end?: number } {
  const day = (iso: string) => {
    const d = isoDateToDay(iso);
    if (d === null) throw new HttpError(400, `${iso} is not a calendar date`, 'invalid_request');
    return d;
  };
  return {
    start: f.from ? localMidnight(day(f.from), f.tz) : undefined,
    end: f.to ? localMidnight(day(f.to) + 1, f.tz) : undefined,
  };
}

/**
 * What the filters that mean something different per query read: a message search filters
 * messages, a conversations export filters episodes (by their thread's channels, their own team…).
 */
export interface FilterTerms {
  channel(c: ChannelKind): SQL;
  teamId: Column;
  agent(agentId: number): SQL;
  /** The instant the date range applies to. */
  at: Column;
  sentiment: Column;
  /** The episode the survey score and SLA breach are read from. */
  episodeId: Column;
}

/** Message search: joined to its thread, customer and episode. */
export const MESSAGE_TERMS: FilterTerms = {
  channel: (c) => sql`${messages.channel} = ${c}`,
  teamId: threads.teamId,
  agent: (id) => sql`(${messages.authorAgentId} = ${id} or ${episodes.assigneeId} = ${id})`,
  at: messages.sortTs,
  sentiment: messages.sentimentLabel,
  episodeId: messages.episodeId,
};

/** Conversations export: one row per episode, joined to its thread and customer. */
export const EPISODE_TERMS: FilterTerms = {
  channel: (c) => sql`exists (select 1 from json_each(${threads.channels}) where value = ${c})`,
  teamId: episodes.teamId,
  agent: (id) => sql`${episodes.assigneeId} = ${id}`,
  at: episodes.openedAt,
  sentiment: threads.lastSentimentLabel,
  episodeId: episodes.id,
};

/** The SQL conditions for the filters, over the columns `terms` names. */
export function filterConditions(f: SearchFilters, terms: FilterTerms): SQL[] {
  const where: SQL[] = [];
  if (f.channel) where.push(terms.channel(f.channel));
  if (f.teamId) where.push(sql`${terms.teamId} = ${f.teamId}`);
  if (f.agentId) where.push(terms.agent(f.agentId));
  const { start, end } = dateRange(f);
  if (start !== undefined) where.push(sql`${terms.at} >= ${start}`);
  if (end !== undefined) where.push(sql`${terms.at} < ${end}`);
  if (f.status) where.push(sql`${threads.status} = ${f.status}`);
  if (f.sentiment) where.push(sql`${terms.sentiment} = ${f.sentiment}`);
  if (f.surveyKind) where.push(sql`${episodes.surveyKind} = ${f.surveyKind}`);
  if (f.scoreMin !== undefined) where.push(sql`${episodes.surveyScore} >= ${f.scoreMin}`);
  if (f.scoreMax !== undefined) where.push(sql`${episodes.surveyScore} <= ${f.scoreMax}`);
  if (f.slaBreached !== undefined) where.push(f.slaBreached ? breached(terms) : sql`not ${breached(terms)}`);
  if (f.tag) where.push(sql`exists (select 1 from json_each(${customers.tags}) where value = ${f.tag})`);
  return where;
}

/**
 * The episode crossed 100 % of an SLA target: the scheduler records each crossing in sla_alerts as
 * it happens (and those missed while Braid was down at start-up), the record reports count too.
 */
function breached(terms: FilterTerms): SQL {
  return sql`exists (select 1 from ${slaAlerts} where ${slaAlerts.episodeId} = ${terms.episodeId} and ${slaAlerts.fraction} >= 1)`;
}
