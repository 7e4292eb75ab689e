import { sql, type SQL } from 'drizzle-orm';
import { threads } from '#server/db/schema';
import { statements } from '#server/db/statements';
import { toEpisode, toMessage } from '#server/db/mappers';
import { hasRole } from '#shared/schemas/common';
import type { ThreadDetail } from '#shared/api';
import type { MessagePage } from '#shared/schemas/message';
import type { ThreadListQuery, ThreadListResponse } from '#shared/schemas/thread';
import type { Viewer } from '#server/domain/access';
import { decodeCursor, encodeCursor } from '#server/domain/cursor';
import type { Db } from '#server/db/connection';
import { episodesOf, getCustomer, getThreadRow, requireAccess, summarize, visibleThread } from './threadQueries';
import { COL, listStatement } from './threadListQuery';
import { listItems } from './threadListRows';

/**
 * SQL condition for the threads a viewer may see (mirrors canSeeThread); undefined when they see
 * all. The list applies the same rule in its prepared statements (threadListQuery.ts).
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
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const limited = !hasRole(viewer.role, 'supervisor');
  const assignee = typeof q.assignee === 'number' ? 'id' : q.assignee;
  const statement = listStatement(db, {
    status: q.status !== 'all',
    assignee,
    team: q.team !== undefined,
    channel: q.channel !== undefined,
    limited,
    sort: q.sort,
    cursor: cursor !== null,
  });
  const rows = statement.all({
    me: viewer.id,
    limit: q.limit + 1,
    ...(q.status !== 'all' && { status: q.status }),
    ...(typeof q.assignee === 'number' && { assignee: q.assignee }),
    ...(q.team !== undefined && { team: q.team }),
    ...(q.channel !== undefined && { channel: q.channel }),
    ...(limited && { teams: JSON.stringify(viewer.teamIds) }),
    ...(cursor && { k: cursor[0], id: cursor[1] }),
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: listItems(db, page, now),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last[COL.key] as number, last[COL.id] as number]) : null,
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
  const cursor = q.before ? decodeCursor(q.before) : null;
  const rows = cursor
    ? statements(db).messagesBefore.all({ threadId, ts: cursor[0], id: cursor[1], limit: q.limit + 1 })
    : statements(db).newestMessages.all({ threadId, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const oldest = page.at(-1);
  return {
    items: page.reverse().map(toMessage),
    before: rows.length > q.limit && oldest ? encodeCursor([oldest.sortTs, oldest.id]) : null,
  };
}
