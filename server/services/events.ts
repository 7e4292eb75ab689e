import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { statements } from '#server/db/statements';
import { events, threads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { EventsPage, LoggedEvent } from '#shared/schemas/events';
import { hasRole } from '#shared/schemas/common';
import { roomsForViewer, type Viewer } from '#server/domain/access';

/**
 * Events after `after`, oldest first, answered by the viewer's CURRENT access — exactly like
 * opening each thread would — so a reconnecting client can close any gap without reading history
 * it may no longer (or may never) see:
 * - an event about a thread the viewer can see now is included;
 * - an event about a thread they can no longer see, which reached them live, becomes a bare
 *   `thread.removed` (so their lists drop the thread) and carries no content;
 * - anything else about threads is left out; events about no thread follow the room rules.
 */
export function eventsAfter(db: Db, viewer: Viewer, after: number, limit: number): EventsPage {
  const rooms = roomsForViewer(viewer);
  const inRooms = sql`exists (select 1 from json_each(${events.rooms}) where value in (${sql.join(
    rooms.map((r) => sql`${r}`),
    sql`, `,
  )}))`;
  const teams = viewer.teamIds.length > 0 ? viewer.teamIds : [-1];
  const seesThread = hasRole(viewer.role, 'supervisor')
    ? sql`${threads.id} is not null`
    : sql`(${threads.id} is not null and (${threads.teamId} is null or ${threads.assigneeId} = ${viewer.id} or ${threads.teamId} in (${sql.join(
        teams.map((t) => sql`${t}`),
        sql`, `,
      )})))`;
  const rows = db
    .select({
      seq: events.seq,
      type: events.type,
      threadId: events.threadId,
      payload: events.payload,
      visible: sql<number>`${seesThread}`,
    })
    .from(events)
    .leftJoin(threads, eq(threads.id, events.threadId))
    // Filter in SQL so a page holds `limit` events the viewer gets (the client pages on their seq).
    .where(
      and(
        gt(events.seq, after),
        sql`(((${events.threadId} is null or ${events.type} = 'thread.removed') and (${inRooms} or (${events.type} = 'thread.removed' and ${seesThread})))
          or (${events.threadId} is not null and ${events.type} != 'thread.removed' and (${seesThread} or ${inRooms})))`,
      ),
    )
    .orderBy(asc(events.seq))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const out: LoggedEvent[] = [];
  for (const r of page) {
    const redact = r.threadId !== null && r.type !== 'thread.removed' && !r.visible;
    out.push(
      redact
        ? { type: 'thread.removed', seq: r.seq, threadId: r.threadId!, mergedIntoThreadId: null }
        : { ...r.payload, seq: r.seq },
    );
  }
  return { events: out, lastSeq: lastEventSeq(db), more: rows.length > limit };
}

/** The newest sequence in the log (0 when empty). */
export function lastEventSeq(db: Db): number {
  return statements(db).lastEventSeq.get()?.m ?? 0;
}
