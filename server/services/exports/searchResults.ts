import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { parseSearch, toFtsMatch } from '#server/domain/search/query';
import type { SearchExportQuery } from '#shared/schemas/exports';
import { messagesIn } from '#server/services/search/messages';
import { localTime } from './localTime';

/** Message ids the search export's first statement reads (later ones adapt, see `nextSpan`). */
export const IDS_WINDOW = 20_000;
/** The stretch of ids never shrinks below this nor grows beyond `MAX_SPAN`. */
export const MIN_SPAN = 2_000;
export const MAX_SPAN = 1_048_576;
/** Time one statement of the search export should take at most (the event loop waits for it). */
export const STATEMENT_BUDGET_MS = 20;
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
 * The next stretch of ids to read, from how long the last full-stretch statement took: each
 * statement also pays a fixed cost (FTS5 opens the word's doclist again), so a stretch that went
 * quickly doubles and one over budget halves — few statements, each short.
 */
export function nextSpan(span: number, tookMs: number, budgetMs = STATEMENT_BUDGET_MS): number {
  if (tookMs > budgetMs) return Math.max(MIN_SPAN, Math.floor(span / 2));
  if (tookMs < budgetMs / 2) return Math.min(MAX_SPAN, span * 2);
  return span;
}

/**
 * Every message a search finds, newest first, one batch per statement: each reads the matches among
 * a bounded stretch of message ids (starting at `span`, then adapted to stay within the statement
 * budget) and returns at most `rows` of them, so no statement walks the whole index when the
 * filters keep few matches (or none). `clock` is for tests.
 */
export function* searchBatches(
  db: Db,
  viewer: Viewer,
  q: SearchExportQuery,
  span = IDS_WINDOW,
  rows = ROWS_PER_READ,
  clock: () => number = () => performance.now(),
) {
  const match = toFtsMatch(parseSearch(q.q));
  if (match === null) return;
  const newest = db.$client.prepare('select max(id) as id from messages').get() as { id: number | null };
  let below = (newest.id ?? 0) + 1;
  let from = below - span;
  while (below > 1) {
    const started = clock();
    const page = messagesIn(db, viewer, q, match, { below, from }, rows);
    const took = clock() - started;
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
    if (page.length === rows) {
      below = page[page.length - 1].messageId; // more in this stretch
    } else {
      span = nextSpan(span, took);
      [below, from] = [from, from - span];
    }
  }
}
