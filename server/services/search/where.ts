// SQL conditions for the search filters, shared by message search and the conversations export.
import { sql, type SQL } from 'drizzle-orm';
import { customers, episodes, messages, threads } from '#server/db/schema';
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

/** Conditions on messages (joined to their thread, customer and episode) for the filters. */
export function messageFilters(f: SearchFilters): SQL[] {
  const where: SQL[] = [];
  if (f.channel) where.push(sql`${messages.channel} = ${f.channel}`);
  if (f.teamId) where.push(sql`${threads.teamId} = ${f.teamId}`);
  if (f.agentId) where.push(sql`(${messages.authorAgentId} = ${f.agentId} or ${episodes.assigneeId} = ${f.agentId})`);
  const { start, end } = dateRange(f);
  if (start !== undefined) where.push(sql`${messages.sortTs} >= ${start}`);
  if (end !== undefined) where.push(sql`${messages.sortTs} < ${end}`);
  if (f.status) where.push(sql`${threads.status} = ${f.status}`);
  if (f.sentiment) where.push(sql`${messages.sentimentLabel} = ${f.sentiment}`);
  if (f.scoreMin !== undefined) where.push(sql`${episodes.surveyScore} >= ${f.scoreMin}`);
  if (f.scoreMax !== undefined) where.push(sql`${episodes.surveyScore} <= ${f.scoreMax}`);
  if (f.tag) where.push(sql`exists (select 1 from json_each(${customers.tags}) where value = ${f.tag})`);
  return where;
}
