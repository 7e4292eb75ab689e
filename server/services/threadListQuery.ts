import { and, sql, type SQL } from 'drizzle-orm';
import { customers, threads } from '#server/db/schema';
import { INBOX_PRIORITY_KEY, INBOX_WAITING_KEY } from '#server/db/sortKeys';
import type { Db } from '#server/db/connection';
import type { ThreadListQuery } from '#shared/schemas/thread';

// The inbox list is one statement per query shape (which filters are set, which order, whether a
// cursor), built and prepared the first time that shape is asked for; values are bound per call.
// The sort keys are the expressions the inbox indexes are built on (server/db/sortKeys.ts), so a
// first page is read in index order and stops at the limit.

const p = (name: string) => sql.placeholder(name);
const KEYS = {
  waiting: sql.raw(INBOX_WAITING_KEY),
  activity: sql.raw('"last_message_at"'),
  priority: sql.raw(INBOX_PRIORITY_KEY),
} as const;

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

function build(db: Db, s: ListShape) {
  const where: SQL[] = [sql`${threads.mergedIntoThreadId} is null`];
  if (s.status) where.push(sql`${threads.status} = ${p('status')}`);
  if (s.assignee === 'me') where.push(sql`${threads.assigneeId} = ${p('me')}`);
  else if (s.assignee === 'unassigned') where.push(sql`${threads.assigneeId} is null`);
  else if (s.assignee === 'id') where.push(sql`${threads.assigneeId} = ${p('assignee')}`);
  if (s.team) where.push(sql`${threads.teamId} = ${p('team')}`);
  if (s.channel) where.push(sql`exists (select 1 from json_each(${threads.channels}) where value = ${p('channel')})`);
  if (s.limited) {
    // Mirrors canSeeThread: no team, one of the viewer's teams, or assigned to the viewer.
    where.push(
      sql`(${threads.teamId} is null or ${threads.teamId} in (select value from json_each(${p('teams')})) or ${threads.assigneeId} = ${p('me')})`,
    );
  }
  const key = KEYS[s.sort];
  const asc = s.sort !== 'activity';
  if (s.cursor) {
    // The plain bound enters the index (status, key, id) at the cursor's key; the row value drops the
    // rows of that key already shown. (An OR of the two cases was planned as two index ranges merged
    // and sorted in a temporary B-tree; a row value alone does not seek an expression index.) On the
    // plain column (activity) the row value alone seeks, and the plain bound next to it made SQLite
    // prefer the status-wide index over the per-assignee one, so it is left out there.
    const bound = s.sort === 'activity' ? sql`` : asc ? sql`${key} >= ${p('k')} and ` : sql`${key} <= ${p('k')} and `;
    where.push(
      asc
        ? sql`${bound}(${key}, ${threads.id}) > (${p('k')}, ${p('id')})`
        : sql`${bound}(${key}, ${threads.id}) < (${p('k')}, ${p('id')})`,
    );
  }
  // Unread = inbound messages of the thread minus those up to the viewer's read mark (both kept by triggers).
  const unread = sql<number>`${threads.inboundCount} - coalesce((select r.read_inbound_count from thread_reads r where r.agent_id = ${p('me')} and r.thread_id = ${threads.id}), 0)`;
  return db
    .select({ t: threads, name: customers.name, key: sql<number>`${key}`, unread })
    .from(threads)
    .innerJoin(customers, sql`${customers.id} = ${threads.customerId}`)
    .where(and(...where))
    .orderBy(asc ? sql`${key} asc, ${threads.id} asc` : sql`${key} desc, ${threads.id} desc`)
    .limit(p('limit'))
    .prepare();
}

type ListStatement = ReturnType<typeof build>;
const cache = new WeakMap<Db, Map<string, ListStatement>>();

/** The prepared list statement for a query shape. */
export function listStatement(db: Db, shape: ListShape): ListStatement {
  let byShape = cache.get(db);
  if (!byShape) cache.set(db, (byShape = new Map()));
  const id = JSON.stringify(shape);
  let st = byShape.get(id);
  if (!st) byShape.set(id, (st = build(db, shape)));
  return st;
}
