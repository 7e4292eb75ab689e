import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { parseSearch, toFtsMatch } from '#server/domain/search/query';
import type { SearchExportQuery } from '#shared/schemas/exports';
import { messagesIn } from '#server/services/search/messages';
import { localTime } from './localTime';

/** Message ids per statement of the search export: it reads this stretch of the index at most. */
export const IDS_WINDOW = 20_000;
/** Rows per statement of the search export (a window with more matches is read in several). */
export const ROWS_PER_READ = 200;

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

/**
 * Every message a search finds, newest first, one batch per statement: each reads the matches among
 * at most `span` message ids and returns at most `rows` of them, so no statement walks the whole
 * index when the filters keep few matches (or none).
 */
export function* searchBatches(db: Db, viewer: Viewer, q: SearchExportQuery, span = IDS_WINDOW, rows = ROWS_PER_READ) {
  const match = toFtsMatch(parseSearch(q.q));
  if (match === null) return;
  const newest = db.$client.prepare('select max(id) as id from messages').get() as { id: number | null };
  let below = (newest.id ?? 0) + 1;
  let from = below - span;
  while (below > 1) {
    const page = messagesIn(db, viewer, q, match, { below, from }, rows);
    yield page.map((r) => [
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
    if (page.length === rows)
      below = page[page.length - 1].messageId; // more in this window
    else [below, from] = [from, from - span];
  }
}
