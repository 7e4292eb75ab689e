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
import { messageFilters } from './where';

interface HitRow {
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
  const match = toFtsMatch(terms);
  if (match === null) return { hits: [], nextCursor: null };
  let before = q.cursor ? decodeCursor(q.cursor)[0] : null;
  const hits: SearchHit[] = [];
  const keep = slaFilter(db, q, now);
  const batch = keep ? Math.max(q.limit * 4, 100) : q.limit + 1;
  let scanned = 0;
  for (;;) {
    const rows = candidates(db, viewer, q, match, before, batch);
    for (const row of rows) {
      scanned++;
      before = row.messageId;
      if (keep && !keep(row.threadId)) continue;
      if (hits.length === q.limit) return { hits, nextCursor: encodeCursor([hits[hits.length - 1].messageId, 0]) };
      hits.push(toHit(row, terms));
    }
    if (rows.length < batch) return { hits, nextCursor: null };
    if (scanned >= MAX_SCANNED) return { hits, nextCursor: encodeCursor([before as number, 0]) };
  }
}

function candidates(db: Db, viewer: Viewer, q: SearchQuery, match: string, before: number | null, n: number) {
  const where: SQL[] = [sql`message_search match ${match}`, sql`${threads.mergedIntoThreadId} is null`];
  if (before !== null) where.push(sql`message_search.rowid < ${before}`);
  const visible = visibleThreadsWhere(viewer);
  if (visible) where.push(visible);
  where.push(...messageFilters(q));
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
