import type Database from 'better-sqlite3';
import { INBOX_PRIORITY_KEY, INBOX_WAITING_KEY } from '#server/db/sortKeys';
import type { Db } from '#server/db/connection';
import type { ThreadListQuery } from '#shared/schemas/thread';

// The inbox list is one statement per query shape (which filters are set, which order, whether a
// cursor), prepared the first time that shape is asked for; values are bound per call. The sort keys
// are the expressions the inbox indexes are built on (server/db/sortKeys.ts), so a first page is read
// in index order and stops at the limit. The statement is plain SQL returning rows as arrays (no
// query builder, no row mapping: that was a third of a page's CPU) and reads only what a list item
// and its SLA badge need: the customer's name and tier and the current episode's clock facts come
// with the thread in the same statement.

const KEYS = { waiting: INBOX_WAITING_KEY, activity: '"last_message_at"', priority: INBOX_PRIORITY_KEY } as const;

/** What each column of a list row holds, in order (the statement selects exactly these). */
const COLUMNS = [
  ['id', 'threads.id'],
  ['customerId', 'threads.customer_id'],
  ['status', 'threads.status'],
  ['snoozedUntil', 'threads.snoozed_until'],
  ['assigneeId', 'threads.assignee_id'],
  ['teamId', 'threads.team_id'],
  ['priority', 'threads.priority'],
  ['currentEpisodeId', 'threads.current_episode_id'],
  ['waitingSince', 'threads.waiting_since'],
  ['lastMessageAt', 'threads.last_message_at'],
  ['lastMessageId', 'threads.last_message_id'],
  ['lastMessagePreview', 'threads.last_message_preview'],
  ['lastInboundChannel', 'threads.last_inbound_channel'],
  ['channels', 'threads.channels'],
  ['lastSentimentScore', 'threads.last_sentiment_score'],
  ['lastSentimentLabel', 'threads.last_sentiment_label'],
  ['name', 'customers.name'],
  ['tier', 'customers.tier'],
  // Unread = inbound messages of the thread minus those up to the viewer's read mark (both kept by triggers).
  [
    'unread',
    'threads.inbound_count - coalesce((select r.read_inbound_count from thread_reads r where r.agent_id = :me and r.thread_id = threads.id), 0)',
  ],
  // The current episode (null columns when the thread has none): what the SLA clocks start from.
  ['episodeId', 'episodes.id'],
  ['episodeOpenedAt', 'episodes.opened_at'],
  ['episodeFirstResponseAt', 'episodes.first_response_at'],
  ['episodeResolvedAt', 'episodes.resolved_at'],
  ['episodePausedMs', 'episodes.paused_ms'],
  ['episodePausedBusinessMs', 'episodes.paused_business_ms'],
  ['key', ''],
] as const;

type ColumnName = (typeof COLUMNS)[number][0];

/** The position of each column in a list row. */
export const COL = Object.fromEntries(COLUMNS.map(([name], i) => [name, i])) as Record<ColumnName, number>;

/** A list row as the statement returns it: one value per column of COL, in that order. */
export type ListRow = readonly unknown[];

/** The shape of a list query: what decides the SQL text (values are bound). */
export interface ListShape {
  status: boolean;
  assignee: 'any' | 'me' | 'unassigned' | 'id';
  team: boolean;
  channel: boolean;
  /** The viewer is limited to some teams (not a supervisor). */
  limited: boolean;
  sort: ThreadListQuery['sort'];
  cursor: boolean;
}

/** The SQL text of a list shape; named parameters :me, :limit and those of the filters set. */
export function listSql(s: ListShape): string {
  const where = ['threads.merged_into_thread_id is null'];
  if (s.status) where.push('threads.status = :status');
  if (s.assignee === 'me') where.push('threads.assignee_id = :me');
  else if (s.assignee === 'unassigned') where.push('threads.assignee_id is null');
  else if (s.assignee === 'id') where.push('threads.assignee_id = :assignee');
  if (s.team) where.push('threads.team_id = :team');
  if (s.channel) where.push('exists (select 1 from json_each(threads.channels) where value = :channel)');
  // Mirrors canSeeThread: no team, one of the viewer's teams, or assigned to the viewer.
  if (s.limited)
    where.push(
      '(threads.team_id is null or threads.team_id in (select value from json_each(:teams)) or threads.assignee_id = :me)',
    );
  const key = KEYS[s.sort];
  const asc = s.sort !== 'activity';
  if (s.cursor) {
    // The plain bound enters the index (status, key, id) at the cursor's key; the row value drops the
    // rows of that key already shown. (An OR of the two cases was planned as two index ranges merged
    // and sorted in a temporary B-tree; a row value alone does not seek an expression index.) On the
    // plain column (activity) the row value alone seeks, and the plain bound next to it made SQLite
    // prefer the status-wide index over the per-assignee one, so it is left out there.
    const bound = s.sort === 'activity' ? '' : `${key} ${asc ? '>=' : '<='} :k and `;
    where.push(`${bound}(${key}, threads.id) ${asc ? '>' : '<'} (:k, :id)`);
  }
  const columns = COLUMNS.map(([name, expr]) => (name === 'key' ? key : expr));
  // The key expressions name bare columns ("waiting_since"): only threads has them.
  return `select ${columns.join(', ')}
    from threads
    join customers on customers.id = threads.customer_id
    left join episodes on episodes.id = threads.current_episode_id
    where ${where.join(' and ')}
    order by ${key} ${asc ? 'asc' : 'desc'}, threads.id ${asc ? 'asc' : 'desc'}
    limit :limit`;
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement<Record<string, unknown>, ListRow>>>();

/** The prepared list statement for a query shape (rows as arrays, see COL). */
export function listStatement(db: Db, shape: ListShape): Database.Statement<Record<string, unknown>, ListRow> {
  let byShape = cache.get(db.$client);
  if (!byShape) cache.set(db.$client, (byShape = new Map()));
  const id = JSON.stringify(shape);
  let st = byShape.get(id);
  if (!st) byShape.set(id, (st = db.$client.prepare<Record<string, unknown>, ListRow>(listSql(shape)).raw(true)));
  return st;
}
