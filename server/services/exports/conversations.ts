import { and, asc, gt, sql, type SQL } from 'drizzle-orm';
import { agents, customers, episodes, teams, threads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { elapsedMs } from '#shared/metrics/elapsed';
import type { ConversationExportQuery } from '#shared/schemas/exports';
import { visibleThreadsWhere } from '#server/services/threadReads';
import { teamConfig } from '#server/services/teamConfig';
import { EPISODE_TERMS, filterConditions } from '#server/services/search/where';
import { localTime } from './localTime';

type Cell = string | number | null;

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

function where(viewer: Viewer, q: ConversationExportQuery): SQL[] {
  const w: SQL[] = [sql`${threads.mergedIntoThreadId} is null`];
  const visible = visibleThreadsWhere(viewer);
  if (visible) w.push(visible);
  return [...w, ...filterConditions(q, EPISODE_TERMS)];
}

function baseQuery(db: Db) {
  return db
    .select({
      e: episodes,
      customerId: threads.customerId,
      customerName: customers.name,
      channels: threads.channels,
      status: threads.status,
      team: teams.name,
      assignee: agents.name,
    })
    .from(episodes)
    .innerJoin(threads, sql`${threads.id} = ${episodes.threadId}`)
    .innerJoin(customers, sql`${customers.id} = ${threads.customerId}`)
    .leftJoin(teams, sql`${teams.id} = ${episodes.teamId}`)
    .leftJoin(agents, sql`${agents.id} = ${episodes.assigneeId}`);
}

/** How many rows the export will have (for the progress indication). */
export function countConversations(db: Db, viewer: Viewer, q: ConversationExportQuery): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(episodes)
    .innerJoin(threads, sql`${threads.id} = ${episodes.threadId}`)
    .innerJoin(customers, sql`${customers.id} = ${threads.customerId}`)
    .where(and(...where(viewer, q)))
    .get();
  return row?.n ?? 0;
}

/** The export's rows in batches (keyset on episode id), so any size streams in constant memory. */
export function* conversationBatches(db: Db, viewer: Viewer, q: ConversationExportQuery, size = 500) {
  const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);
  let after = 0;
  for (;;) {
    const rows = baseQuery(db)
      .where(and(gt(episodes.id, after), ...where(viewer, q)))
      .orderBy(asc(episodes.id))
      .limit(size)
      .all();
    if (rows.length === 0) return;
    after = rows[rows.length - 1].e.id;
    yield rows.map(({ e, ...t }): Cell[] => {
      const schedule = q.basis === 'business' ? teamConfig(db, e.teamId).schedule : null;
      const span = (end: number | null) => (end === null ? null : elapsedMs(e.openedAt, end, schedule));
      return [
        e.id,
        e.threadId,
        e.number,
        t.customerId,
        t.customerName,
        t.channels.join(' '),
        t.team,
        t.assignee,
        t.status,
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
    if (rows.length < size) return;
  }
}
