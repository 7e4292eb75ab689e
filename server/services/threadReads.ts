import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { customers, messages, threadReads, threads } from '#server/db/schema';
import { toEpisode, toMessage, toThreadSummary } from '#server/db/mappers';
import { hasRole } from '#shared/schemas/common';
import { NOT_WAITING_KEY, PRIORITY_BAND, PRIORITY_RANK } from '#shared/threadOrder';
import type { ThreadDetail } from '#shared/api';
import type { MessagePage } from '#shared/schemas/message';
import type { ThreadListQuery, ThreadListResponse } from '#shared/schemas/thread';
import type { Viewer } from '#server/domain/access';
import { decodeCursor, encodeCursor } from '#server/domain/cursor';
import type { Db } from '#server/db/connection';
import { episodesOf, getCustomer, getThreadRow, requireAccess, summarize, visibleThread } from './threadQueries';
import { batchSlaFacts, loadSlaPolicies, threadSla } from './sla';

// Sort keys are single numbers so one (key, id) pair is a complete keyset cursor; they mirror
// shared/threadOrder.ts, which the client uses to place live updates in cached lists.
const waitingKey = sql<number>`coalesce(${threads.waitingSince}, ${NOT_WAITING_KEY})`;
const rank = (p: keyof typeof PRIORITY_RANK) => sql.raw(String(PRIORITY_RANK[p]));
const priorityKey = sql<number>`(case ${threads.priority} when 'urgent' then ${rank('urgent')} when 'high' then ${rank('high')} when 'normal' then ${rank('normal')} else ${rank('low')} end) * ${PRIORITY_BAND} + ${waitingKey}`;

/**
 * SQL condition for the threads a viewer may see (mirrors canSeeThread); undefined when they see
 * all. Shared by the list and the live counts so both apply the same visibility rules.
 */
export function visibleThreadsWhere(viewer: Viewer): SQL | undefined {
  if (hasRole(viewer.role, 'supervisor')) return undefined;
  const teamIds =
    viewer.teamIds.length > 0
      ? sql.join(
          viewer.teamIds.map((t) => sql`${t}`),
          sql`, `,
        )
      : sql`null`;
  return sql`(${threads.teamId} is null or ${threads.teamId} in (${teamIds}) or ${threads.assigneeId} = ${viewer.id})`;
}

/** One page of the inbox list for an agent, with filters and a keyset cursor. */
export function listThreads(db: Db, viewer: Viewer, q: ThreadListQuery, now: number = Date.now()): ThreadListResponse {
  const where: SQL[] = [sql`${threads.mergedIntoThreadId} is null`];
  if (q.status !== 'all') where.push(eq(threads.status, q.status));
  if (q.assignee === 'me') where.push(eq(threads.assigneeId, viewer.id));
  else if (q.assignee === 'unassigned') where.push(sql`${threads.assigneeId} is null`);
  else if (typeof q.assignee === 'number') where.push(eq(threads.assigneeId, q.assignee));
  if (q.team !== undefined) where.push(eq(threads.teamId, q.team));
  if (q.channel !== undefined) {
    where.push(sql`exists (select 1 from json_each(${threads.channels}) where value = ${q.channel})`);
  }
  const visible = visibleThreadsWhere(viewer);
  if (visible) where.push(visible);
  const asc = q.sort !== 'activity';
  const key =
    q.sort === 'activity' ? sql<number>`${threads.lastMessageAt}` : q.sort === 'priority' ? priorityKey : waitingKey;
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (cursor) {
    const [k, id] = cursor;
    where.push(
      asc
        ? sql`(${key} > ${k} or (${key} = ${k} and ${threads.id} > ${id}))`
        : sql`(${key} < ${k} or (${key} = ${k} and ${threads.id} < ${id}))`,
    );
  }
  const unread = sql<number>`(select count(*) from ${messages} m where m.thread_id = ${threads.id} and m.direction = 'inbound'
    and m.id > coalesce((select r.last_read_message_id from ${threadReads} r where r.agent_id = ${viewer.id} and r.thread_id = ${threads.id}), 0))`;
  const rows = db
    .select({ t: threads, name: customers.name, key, unread })
    .from(threads)
    .innerJoin(customers, eq(customers.id, threads.customerId))
    .where(and(...where))
    .orderBy(asc ? sql`${key} asc, ${threads.id} asc` : sql`${key} desc, ${threads.id} desc`)
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const policies = loadSlaPolicies(db);
  const facts =
    policies.length > 0
      ? batchSlaFacts(
          db,
          page.map((r) => r.t),
        )
      : undefined;
  return {
    items: page.map((r) =>
      toThreadSummary(r.t, { id: r.t.customerId, name: r.name }, threadSla(db, r.t, now, policies, facts), r.unread),
    ),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.key, last.t.id]) : null,
  };
}

/** A thread with its customer and episodes, if the viewer may see it. */
export function getThreadDetail(db: Db, viewer: Viewer, threadId: number, now: number = Date.now()): ThreadDetail {
  const row = visibleThread(db, viewer, threadId);
  return {
    thread: summarize(db, row, now),
    customer: getCustomer(db, row.customerId),
    episodes: episodesOf(db, row.id).map(toEpisode),
  };
}

/** A page of a thread's messages, newest page first, each page in ascending order. */
export function listMessages(
  db: Db,
  viewer: Viewer,
  threadId: number,
  q: { before?: string; limit: number },
): MessagePage {
  requireAccess(viewer, getThreadRow(db, threadId));
  const where: SQL[] = [eq(messages.threadId, threadId)];
  const cursor = q.before ? decodeCursor(q.before) : null;
  if (cursor) {
    const [ts, id] = cursor;
    where.push(or(lt(messages.sortTs, ts), and(eq(messages.sortTs, ts), lt(messages.id, id))) as SQL);
  }
  const rows = db
    .select()
    .from(messages)
    .where(and(...where))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .limit(q.limit + 1)
    .all();
  const page = rows.slice(0, q.limit);
  const oldest = page.at(-1);
  return {
    items: page.reverse().map(toMessage),
    before: rows.length > q.limit && oldest ? encodeCursor([oldest.sortTs, oldest.id]) : null,
  };
}
