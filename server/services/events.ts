import { asc, gt, max, sql, and } from 'drizzle-orm';
import { events } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { EventsPage, LoggedEvent } from '#shared/schemas/events';
import { roomsForViewer, type Viewer } from '#server/domain/access';

/**
 * Events after `after` that this viewer was allowed to receive live (same room rules),
 * oldest first, so a reconnecting client can close any gap.
 */
export function eventsAfter(db: Db, viewer: Viewer, after: number, limit: number): EventsPage {
  const rooms = roomsForViewer(viewer);
  const roomList = sql.join(
    rooms.map((r) => sql`${r}`),
    sql`, `,
  );
  const rows = db
    .select({ seq: events.seq, payload: events.payload })
    .from(events)
    .where(
      and(gt(events.seq, after), sql`exists (select 1 from json_each(${events.rooms}) where value in (${roomList}))`),
    )
    .orderBy(asc(events.seq))
    .limit(limit + 1)
    .all();
  const lastSeq = lastEventSeq(db);
  return {
    events: rows.slice(0, limit).map((r) => ({ ...(r.payload as object), seq: r.seq }) as LoggedEvent),
    lastSeq,
    more: rows.length > limit,
  };
}

/** The newest sequence in the log (0 when empty). */
export function lastEventSeq(db: Db): number {
  return (
    db
      .select({ m: max(events.seq) })
      .from(events)
      .get()?.m ?? 0
  );
}
