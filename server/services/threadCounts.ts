import { and, eq, sql, type SQL } from 'drizzle-orm';
import { messages, threadReads, threads } from '#server/db/schema';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import type { ThreadCounts } from '#shared/schemas/threadCounts';
import type { Viewer } from '#server/domain/access';
import type { Db } from '#server/db/connection';
import { visibleThreadsWhere } from './threadReads';

const KNOWN_CHANNELS = new Set<string>(CHANNEL_KINDS);

/**
 * Counts for every inbox view in a handful of grouped queries, under the same visibility rule as
 * the list (visibleThreadsWhere), so a badge never promises threads the agent cannot open.
 */
export function countThreads(db: Db, viewer: Viewer): ThreadCounts {
  const live: SQL[] = [sql`${threads.mergedIntoThreadId} is null`];
  const visible = visibleThreadsWhere(viewer);
  if (visible) live.push(visible);
  const open = and(...live, eq(threads.status, 'open'));

  const statuses = { open: 0, pending: 0, snoozed: 0, resolved: 0 };
  const byStatus = db
    .select({ status: threads.status, n: sql<number>`count(*)` })
    .from(threads)
    .where(and(...live))
    .groupBy(threads.status)
    .all();
  for (const r of byStatus) statuses[r.status] = r.n;

  const heads = db
    .select({
      mine: sql<number>`coalesce(sum(case when ${threads.assigneeId} = ${viewer.id} then 1 else 0 end), 0)`,
      unassigned: sql<number>`coalesce(sum(case when ${threads.assigneeId} is null then 1 else 0 end), 0)`,
    })
    .from(threads)
    .where(open)
    .get();

  const teams = db
    .select({ teamId: threads.teamId, count: sql<number>`count(*)` })
    .from(threads)
    .where(and(open, sql`${threads.teamId} is not null`))
    .groupBy(threads.teamId)
    .all()
    .map((r) => ({ teamId: r.teamId as number, count: r.count }));

  const channels = db
    .select({ channel: sql<string>`ch.value`, count: sql<number>`count(*)` })
    .from(sql`${threads}, json_each(${threads.channels}) as ch`)
    .where(open)
    .groupBy(sql`ch.value`)
    .all()
    .filter((r) => KNOWN_CHANNELS.has(r.channel))
    .map((r) => ({ channel: r.channel as ChannelKind, count: r.count }));

  const unread = db
    .select({ n: sql<number>`count(*)` })
    .from(messages)
    .innerJoin(threads, eq(threads.id, messages.threadId))
    .where(
      and(
        eq(threads.assigneeId, viewer.id),
        sql`${threads.mergedIntoThreadId} is null`,
        eq(messages.direction, 'inbound'),
        sql`${messages.id} > coalesce((select r.last_read_message_id from ${threadReads} r where r.agent_id = ${viewer.id} and r.thread_id = ${threads.id}), 0)`,
      ),
    )
    .get();

  return {
    mine: heads?.mine ?? 0,
    unassigned: heads?.unassigned ?? 0,
    all: statuses.open,
    teams,
    channels,
    statuses,
    unreadMine: unread?.n ?? 0,
  };
}
