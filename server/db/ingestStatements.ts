import { and, desc, eq, lt, lte, or, sql } from 'drizzle-orm';
import { SENTIMENT_WINDOW } from '#shared/metrics/sentimentTrend';
import type { Db } from './connection';
import { scoredInbound } from './conditions';
import { customers, episodes, identities, messages, threads } from './schema';
import { byParam, p, params, setTo } from './statementParts';
import { preparedPerDb, rootOf } from './statements';

// The ingest path's writes and after-commit reads, prepared once per database like the hot reads in
// statements.ts: building the SQL and compiling a statement per call cost more than running it.
// Columns left out of an insert get their defaults at preparation (no column here has a default
// computed per call).

function prepareAll(db: Db) {
  return {
    insertMessage: db
      .insert(messages)
      .values(
        params(
          ['threadId', 'episodeId', 'direction', 'channel', 'identityId', 'text', 'html', 'subject'],
          ['attachments', 'providerMessageId', 'providerTs', 'receivedAt', 'sortTs', 'language', 'meta'],
          ['sentimentScore', 'sentimentLabel', 'sentimentConfidence'],
        ),
      )
      .returning()
      .prepare(),
    identityLastInbound: db
      .update(identities)
      .set({ lastInboundAt: setTo<number>('at') })
      .where(byParam(identities.id))
      .prepare(),
    // The episode's sentiment arc: its first inbound score and its latest one.
    episodeSentiment: db
      .update(episodes)
      .set({
        sentimentStart: sql`coalesce(${episodes.sentimentStart}, ${p('score')})`,
        sentimentEnd: setTo<number>('score'),
      })
      .where(byParam(episodes.id))
      .prepare(),
    lastEpisode: db
      .select({ n: episodes.number, resolvedAt: episodes.resolvedAt })
      .from(episodes)
      .where(byParam(episodes.threadId, 'threadId'))
      .orderBy(desc(episodes.number))
      .limit(1)
      .prepare(),
    insertEpisode: db
      .insert(episodes)
      .values(params(['threadId', 'number', 'openedAt', 'teamId', 'assigneeId']))
      .returning({ id: episodes.id })
      .prepare(),
    insertThread: db
      .insert(threads)
      .values({
        customerId: p('customerId'),
        status: 'open',
        teamId: p('teamId'),
        // The activity its first message gives it (services/newThread.ts).
        ...params([
          'lastMessageAt',
          'lastMessagePreview',
          'lastInboundAt',
          'lastInboundChannel',
          'lastInboundIdentityId',
        ]),
        ...params(['lastSentimentScore', 'lastSentimentLabel', 'waitingSince', 'channels']),
        createdAt: p('now'),
        updatedAt: p('now'),
      })
      .returning()
      .prepare(),
    insertCustomer: db
      .insert(customers)
      .values({ name: p('name'), createdAt: p('now'), updatedAt: p('now') })
      .returning({ id: customers.id })
      .prepare(),
    insertIdentity: db
      .insert(identities)
      .values({
        ...params(['customerId', 'channel', 'address', 'displayName', 'phone', 'email', 'verified', 'meta']),
        createdAt: p('now'),
      })
      .returning()
      .prepare(),
    // The sentiment-drop check: the rolling window before and at one message, newest first.
    sentimentWindow: db
      .select({ id: messages.id, score: messages.sentimentScore })
      .from(messages)
      .where(
        and(
          byParam(messages.threadId, 'threadId'),
          scoredInbound,
          sql`json_extract(${messages.meta}, '$.surveyAnswer') is null`,
          or(lt(messages.sortTs, p('at')), and(eq(messages.sortTs, p('at')), lte(messages.id, p('id')))),
        ),
      )
      .orderBy(desc(messages.sortTs), desc(messages.id))
      .limit(SENTIMENT_WINDOW + 1)
      .prepare(),
  };
}

/** The ingest path's prepared statements for the database behind `r` (a database or a transaction). */
export const ingestStatements = preparedPerDb(prepareAll);

type ThreadSet = Partial<typeof threads.$inferInsert>;
type Prepared<T> = { get(values: Record<string, unknown>): T };
const threadUpdates = new WeakMap<Db, Map<string, Prepared<typeof threads.$inferSelect>>>();

/**
 * `update threads set … where id = ? returning *`, prepared once per set of columns (callers write
 * a handful of fixed shapes); undefined values are left out, as the query builder does.
 */
export function updateThreadRow(r: object, id: number, set: ThreadSet): typeof threads.$inferSelect {
  const db = rootOf(r);
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(set)) if (v !== undefined) values[k] = v;
  const key = Object.keys(values).sort().join(',');
  let byShape = threadUpdates.get(db);
  if (!byShape) threadUpdates.set(db, (byShape = new Map()));
  let stmt = byShape.get(key);
  if (!stmt) {
    const placeholders: ThreadSet = Object.fromEntries(Object.keys(values).map((k) => [k, setTo(k)]));
    stmt = db.update(threads).set(placeholders).where(byParam(threads.id, '$id')).returning().prepare();
    byShape.set(key, stmt);
  }
  const row = stmt.get({ ...values, $id: id });
  if (!row) throw new Error(`thread ${id} not found`);
  return row;
}
