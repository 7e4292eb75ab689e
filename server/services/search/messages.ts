import { and, sql, type SQL } from 'drizzle-orm';
import { customers, episodes, messages, threads } from '#server/db/schema';
import { makeSnippet, parseSearch, toFtsMatch, type SearchTerm } from '#server/domain/search/query';
import { decodeCursor, encodeCursor } from '#server/domain/cursor';
import type { Viewer } from '#server/domain/access';
import type { SearchHit, SearchQuery, SearchResponse } from '#shared/schemas/search';
import type { ChannelKind } from '#shared/channels';
import type { Direction } from '#shared/schemas/common';
import type { Db } from '#server/db/connection';
import { visibleThreadsWhere } from '#server/services/threadReads';
import { getThreadRow } from '#server/services/threadQueries';
import { loadSlaPolicies, threadSla } from '#server/services/sla';
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

// A filter SQL cannot express (SLA breached is computed, not stored) is applied to batches of
// candidates; this bounds how many one request looks at before it answers with a cursor.
const MAX_SCANNED = 2000;

/**
 * Messages matching the text and filters that the viewer may open (the same rule as threads:
 * merged-away threads are hidden), newest first, with a highlighted snippet, keyset-paginated.
 */
export function searchMessages(db: Db, viewer: Viewer, q: SearchQuery, now: number): SearchResponse {
  const terms = parseSearch(q.q);
  const page = findMessages(db, viewer, q, now);
  return { hits: page.rows.map((row) => toHit(row, terms)), nextCursor: page.nextCursor };
}

/** The stored messages a search finds (full text, no snippet): one page, for the API and exports. */
export function findMessages(
  db: Db,
  viewer: Viewer,
  q: SearchQuery,
  now: number,
): { rows: HitRow[]; nextCursor: string | null } {
  const match = toFtsMatch(parseSearch(q.q));
  if (match === null) return { rows: [], nextCursor: null };
  let before = q.cursor ? decodeCursor(q.cursor)[0] : null;
  const found: HitRow[] = [];
  const keep = slaFilter(db, q, now);
  const batch = keep ? Math.max(q.limit * 4, 100) : q.limit + 1;
  const next = (id: number) => encodeCursor([id, 0]);
  let scanned = 0;
  for (;;) {
    const rows = candidates(db, viewer, q, match, before, batch);
    for (const row of rows) {
      scanned++;
      before = row.messageId;
      if (keep && !keep(row.threadId)) continue;
      if (found.length === q.limit) return { rows: found, nextCursor: next(found[found.length - 1].messageId) };
      found.push(row);
    }
    if (rows.length < batch) return { rows: found, nextCursor: null };
    if (scanned >= MAX_SCANNED) return { rows: found, nextCursor: next(before as number) };
  }
}

function candidates(db: Db, viewer: Viewer, q: SearchQuery, match: string, before: number | null, n: number) {
  const where: SQL[] = [sql`message_search match ${match}`, sql`${threads.mergedIntoThreadId} is null`];
  if (before !== null) where.push(sql`message_search.rowid < ${before}`);
  const visible = visibleThreadsWhere(viewer);
  if (visible) where.push(visible);
  where.push(...filterConditions(q, MESSAGE_TERMS));
  return db.all<HitRow>(sql`
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
    limit ${n}`);
}

/** A per-thread "is its SLA breached now" check, when the query asks for it. */
function slaFilter(db: Db, q: SearchQuery, now: number): ((threadId: number) => boolean) | null {
  if (q.slaBreached === undefined) return null;
  const want = q.slaBreached;
  const policies = loadSlaPolicies(db);
  const seen = new Map<number, boolean>();
  return (threadId) => {
    let breached = seen.get(threadId);
    if (breached === undefined) {
      breached = threadSla(db, getThreadRow(db, threadId), now, policies)?.state === 'breached';
      seen.set(threadId, breached);
    }
    return breached === want;
  };
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
