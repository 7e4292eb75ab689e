import { and, sql, type SQL } from 'drizzle-orm';
import { customers, episodes, messages, threads } from '#server/db/schema';
import { makeSnippet, parseSearch, toFtsMatch, type SearchTerm } from '#server/domain/search/query';
import { decodeCursor, encodeCursor } from '#server/domain/cursor';
import type { Viewer } from '#server/domain/access';
import type { SearchFilters, SearchHit, SearchQuery, SearchResponse } from '#shared/schemas/search';
import type { ChannelKind } from '#shared/channels';
import type { Direction } from '#shared/schemas/common';
import type { Db } from '#server/db/connection';
import { visibleThreadsWhere } from '#server/services/threadReads';
import { allPrepared } from '#server/db/preparedSql';
import { filterConditions, MESSAGE_TERMS } from './where';

/** A message a search found, as stored. */
export interface HitRow {
  messageId: number;
  threadId: number;
  customerId: number;
  customerName: string;
  channel: ChannelKind | null;
  direction: Direction;
  text: string;
  subject: string | null;
  at: number;
}

/**
 * Messages matching the text and filters that the viewer may open (the same rule as threads:
 * merged-away threads are hidden), newest first, with a highlighted snippet, keyset-paginated.
 */
export function searchMessages(db: Db, viewer: Viewer, q: SearchQuery): SearchResponse {
  const terms = parseSearch(q.q);
  const page = findMessages(db, viewer, q);
  return { hits: page.rows.map((row) => toHit(row, terms)), nextCursor: page.nextCursor };
}

/** The stored messages a search finds (full text, no snippet): one page, for the API and exports. */
export function findMessages(db: Db, viewer: Viewer, q: SearchQuery): { rows: HitRow[]; nextCursor: string | null } {
  const match = toFtsMatch(parseSearch(q.q));
  if (match === null) return { rows: [], nextCursor: null };
  const before = q.cursor ? decodeCursor(q.cursor)[0] : null;
  const rows = messagesIn(db, viewer, q, match, { below: before }, q.limit + 1);
  if (rows.length <= q.limit) return { rows, nextCursor: null };
  rows.length = q.limit;
  return { rows, nextCursor: encodeCursor([rows[rows.length - 1].messageId, 0]) };
}

/** Message ids a read may return: below `below` (exclusive), from `from` (inclusive). */
export interface IdRange {
  below: number | null;
  from?: number;
}

/**
 * The stored messages matching `match` and the filters within `ids`, newest first, at most `n` (an
 * export bounds `ids` too, so that a statement reads a bounded stretch of the index whatever the
 * filters keep).
 */
export function messagesIn(db: Db, viewer: Viewer, q: SearchFilters, match: string, ids: IdRange, n: number): HitRow[] {
  const where: SQL[] = [sql`message_search match ${match}`, sql`${threads.mergedIntoThreadId} is null`];
  if (ids.below !== null) where.push(sql`message_search.rowid < ${ids.below}`);
  if (ids.from !== undefined) where.push(sql`message_search.rowid >= ${ids.from}`);
  const visible = visibleThreadsWhere(viewer);
  if (visible) where.push(visible);
  where.push(...filterConditions(q, MESSAGE_TERMS));
  return allPrepared<HitRow>(
    db,
    sql`
    select ${messages.id} as messageId, ${messages.threadId} as threadId, ${threads.customerId} as customerId,
      ${customers.name} as customerName, ${messages.channel} as channel, ${messages.direction} as direction,
      ${messages.text} as text, ${messages.subject} as subject, ${messages.sortTs} as at
    from message_search
    join ${messages} on ${messages.id} = message_search.rowid
    join ${threads} on ${threads.id} = ${messages.threadId}
    join ${customers} on ${customers.id} = ${threads.customerId}
    left join ${episodes} on ${episodes.id} = ${messages.episodeId}
    where ${and(...where)}
    order by message_search.rowid desc
    limit ${n}`,
  );
}

function toHit(row: HitRow, terms: SearchTerm[]): SearchHit {
  const inText = makeSnippet(row.text, terms);
  const snippet = inText.highlights.length === 0 && row.subject ? makeSnippet(row.subject, terms) : inText;
  return {
    messageId: row.messageId,
    threadId: row.threadId,
    customerId: row.customerId,
    customerName: row.customerName,
    channel: row.channel,
    direction: row.direction,
    snippet: snippet.text,
    highlights: snippet.highlights,
    at: row.at,
  };
}
