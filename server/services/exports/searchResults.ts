import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import type { SearchExportQuery } from '#shared/schemas/exports';
import { findMessages } from '#server/services/search/messages';
import { localTime } from './localTime';

/** Column names of a search export (the time zone is part of the time column's name). */
export function searchHeader(q: SearchExportQuery): string[] {
  return [
    'message_id',
    'thread_id',
    'customer_id',
    'customer_name',
    'channel',
    'direction',
    `at (${q.tz})`,
    'subject',
    'text',
  ];
}

/** Every message a search finds, newest first, in pages (the search's own keyset cursor). */
export function* searchBatches(db: Db, viewer: Viewer, q: SearchExportQuery, size = 100) {
  let cursor: string | undefined;
  for (;;) {
    const page = findMessages(db, viewer, { ...q, cursor, limit: size });
    if (page.rows.length > 0) {
      yield page.rows.map((r) => [
        r.messageId,
        r.threadId,
        r.customerId,
        r.customerName,
        r.channel,
        r.direction,
        localTime(r.at, q.tz),
        r.subject,
        r.text,
      ]);
    }
    if (page.nextCursor === null) return;
    cursor = page.nextCursor;
  }
}
