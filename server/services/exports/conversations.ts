import { and, sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { agents, customers, teams, threads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { elapsedMs } from '#shared/metrics/elapsed';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import type { ConversationExportQuery } from '#shared/schemas/exports';
import { visibleThreadsWhere } from '#server/services/threadReads';
import { teamConfig } from '#server/services/teamConfig';
import { dateRange, EPISODE_TERMS, filterConditions } from '#server/services/search/where';
import { episodeWindows, IN_WINDOW, windowParams, type EpisodeWindow } from './episodeWindows';
import { localTime } from './localTime';

type Cell = string | number | null;

/** Episodes per statement of the export: each reads this many index entries at most (a few ms). */
export const ROWS_WINDOW = 250;
/** Episodes per statement of the row count (it reads less per episode than a row). */
export const COUNT_WINDOW = 1_000;

/** Column names; the time zone and duration basis are part of them, so a sheet says what it holds. */
export function conversationHeader(q: ConversationExportQuery): string[] {
  const zone = `(${q.tz})`;
  const basis = `(${q.basis} minutes)`;
  return [
    'episode_id',
    'thread_id',
    'episode_number',
    'customer_id',
    'customer_name',
    'channels',
    'team',
    'assignee',
    'thread_status',
    `opened_at ${zone}`,
    `first_response_at ${zone}`,
    `resolved_at ${zone}`,
    `first_response ${basis}`,
    `resolution ${basis}`,
    'survey_kind',
    'survey_score',
    'sentiment_start',
    'sentiment_end',
  ];
}

interface EpisodeRow {
  id: number;
  threadId: number;
  number: number;
  openedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  teamId: number | null;
  surveyKind: string | null;
  surveyScore: number | null;
  sentimentStart: number | null;
  sentimentEnd: number | null;
  customerId: number;
  customerName: string;
  channels: string;
  status: string;
  team: string | null;
  assignee: string | null;
}

const dialect = new SQLiteSyncDialect();
const ROW_COLUMNS = sql.raw(`episodes.id, episodes.thread_id as threadId, episodes.number,
  episodes.opened_at as openedAt, episodes.first_response_at as firstResponseAt, episodes.resolved_at as resolvedAt,
  episodes.team_id as teamId, episodes.survey_kind as surveyKind, episodes.survey_score as surveyScore,
  episodes.sentiment_start as sentimentStart, episodes.sentiment_end as sentimentEnd,
  threads.customer_id as customerId, customers.name as customerName, threads.channels, threads.status,
  teams.name as team, agents.name as assignee`);

/** The SQL of one window of the export (rows or their count); the window's keys are named parameters. */
export function windowQuery(
  viewer: Viewer,
  q: ConversationExportQuery,
  count: boolean,
): { sql: string; params: unknown[] } {
  const where: SQL[] = [sql.raw(IN_WINDOW), sql`${threads.mergedIntoThreadId} is null`];
  const visible = visibleThreadsWhere(viewer);
  if (visible) where.push(visible);
  where.push(...filterConditions(q, EPISODE_TERMS));
  const named = sql`left join ${teams} on ${teams.id} = episodes.team_id
    left join ${agents} on ${agents.id} = episodes.assignee_id`;
  return dialect.sqlToQuery(sql`
    select ${count ? sql.raw('count(*) as n') : ROW_COLUMNS}
    from episodes indexed by episodes_opened_idx
    join ${threads} on ${threads.id} = episodes.thread_id
    join ${customers} on ${customers.id} = ${threads.customerId}
    ${count ? sql`` : named}
    where ${and(...where)}
    ${sql.raw(count ? '' : 'order by episodes.opened_at, episodes.id')}`);
}

/**
 * A window reader prepared once per export: the filters are bound values and every statement reads
 * the episodes of one window through episodes_opened_idx, so its cost is bounded by the window.
 */
function windowReader<T>(db: Db, viewer: Viewer, q: ConversationExportQuery, count: boolean) {
  const query = windowQuery(viewer, q, count);
  const stmt = db.$client.prepare<unknown[], T>(query.sql);
  return (w: EpisodeWindow) => stmt.all(...query.params, windowParams(w));
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * How many rows the export will have (for the progress indication), counted window by window with
 * the event loop yielded between them; stops early (answering what it counted) once `signal` aborts.
 */
export async function countConversations(
  db: Db,
  viewer: Viewer,
  q: ConversationExportQuery,
  signal?: AbortSignal,
): Promise<number> {
  const read = windowReader<{ n: number }>(db, viewer, q, true); // a bad date throws here, before anything is sent
  let n = 0;
  for (const w of episodeWindows(db, dateRange(q), COUNT_WINDOW)) {
    n += read(w)[0]?.n ?? 0;
    if (signal?.aborted) break;
    await turn();
  }
  return n;
}

/** The export's rows, one batch per window of episodes (possibly empty), in opening order. */
export function* conversationBatches(db: Db, viewer: Viewer, q: ConversationExportQuery, size = ROWS_WINDOW) {
  const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);
  const schedules = new Map<number | null, BusinessSchedule | null>();
  const scheduleOf = (teamId: number | null) => {
    if (q.basis !== 'business') return null;
    if (!schedules.has(teamId)) schedules.set(teamId, teamConfig(db, teamId).schedule);
    return schedules.get(teamId) ?? null;
  };
  const read = windowReader<EpisodeRow>(db, viewer, q, false);
  for (const w of episodeWindows(db, dateRange(q), size)) {
    yield read(w).map((e): Cell[] => {
      const schedule = scheduleOf(e.teamId);
      const span = (end: number | null) => (end === null ? null : elapsedMs(e.openedAt, end, schedule));
      return [
        e.id,
        e.threadId,
        e.number,
        e.customerId,
        e.customerName,
        (JSON.parse(e.channels) as string[]).join(' '),
        e.team,
        e.assignee,
        e.status,
        localTime(e.openedAt, q.tz),
        localTime(e.firstResponseAt, q.tz),
        localTime(e.resolvedAt, q.tz),
        minutes(span(e.firstResponseAt)),
        minutes(span(e.resolvedAt)),
        e.surveyKind,
        e.surveyScore,
        e.sentimentStart,
        e.sentimentEnd,
      ];
    });
  }
}
