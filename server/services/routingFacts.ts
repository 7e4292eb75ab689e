import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { agents, agentTeams, customers, messages, threads } from '#server/db/schema';
import { threadLanguage, type QueuedThread, type RoutingMember } from '#server/domain/routing';
import { primaryLanguage, workKindOf } from '#shared/routing';
import type { ChannelKind } from '#shared/channels';
import type { TeamRouting } from '#shared/schemas/teamSettings';
import type { Reader } from './threadQueries';

/** Unassigned threads read per routing pass (oldest waits first); the rest wait for the next pass. */
export const QUEUE_LIMIT = 200;
/** Inbound messages whose detected language decides the customer's language. */
const RECENT_INBOUND = 5;

/** The active members of a team with what they speak and their open/pending load per kind of work. */
export function teamMembers(r: Reader, teamId: number, online: ReadonlySet<number>): RoutingMember[] {
  const rows = r
    .select({
      id: agents.id,
      capacity: agents.capacity,
      asyncCapacity: agents.asyncCapacity,
      languages: agents.languages,
      skills: agents.skills,
    })
    .from(agents)
    .innerJoin(agentTeams, eq(agentTeams.agentId, agents.id))
    .where(and(eq(agentTeams.teamId, teamId), eq(agents.active, true)))
    .all();
  if (rows.length === 0) return [];
  const loads = r
    .select({ id: threads.assigneeId, channel: threads.lastInboundChannel, n: sql<number>`count(*)` })
    .from(threads)
    .where(
      and(
        inArray(
          threads.assigneeId,
          rows.map((m) => m.id),
        ),
        inArray(threads.status, ['open', 'pending']),
        isNull(threads.mergedIntoThreadId),
      ),
    )
    .groupBy(threads.assigneeId, threads.lastInboundChannel)
    .all();
  return rows.map((m) => {
    const load = { live: 0, async: 0 };
    for (const l of loads) if (l.id === m.id) load[workKindOf(l.channel)] += l.n;
    return {
      id: m.id,
      online: online.has(m.id),
      languages: m.languages.map(primaryLanguage),
      skills: m.skills,
      capacity: m.capacity,
      asyncCapacity: m.asyncCapacity,
      load,
    };
  });
}

/** Since when a thread waits in its current team: its customer's wait, or the later move into the team. */
function queuedAt(r: Reader, threadId: number, waitingSince: number | null): number | null {
  if (waitingSince === null) return null;
  const moved = r
    .select({ at: messages.receivedAt })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.systemKind, 'team')))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .limit(1)
    .get();
  return Math.max(waitingSince, moved?.at ?? 0);
}

/** The customer's language from the detected language of the thread's recent inbound messages. */
export function customerLanguage(r: Reader, threadId: number): string | null {
  const recent = r
    .select({ language: messages.language })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.direction, 'inbound')))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .limit(RECENT_INBOUND)
    .all();
  return threadLanguage(recent.map((m) => (m.language ? primaryLanguage(m.language) : null)));
}

type QueueRow = {
  id: number;
  priority: QueuedThread['priority'];
  channel: ChannelKind | null;
  waitingSince: number | null;
  tier: string | null;
};

/** One thread as routing sees it (the language is read only when some member speaks languages). */
export function toQueued(r: Reader, row: QueueRow, needLanguage: boolean): QueuedThread {
  return {
    id: row.id,
    kind: workKindOf(row.channel),
    channel: row.channel,
    language: needLanguage ? customerLanguage(r, row.id) : null,
    tier: row.tier,
    priority: row.priority,
    queuedAt: queuedAt(r, row.id, row.waitingSince),
  };
}

const queueColumns = {
  id: threads.id,
  priority: threads.priority,
  channel: threads.lastInboundChannel,
  waitingSince: threads.waitingSince,
  tier: customers.tier,
};

/** The team's open unassigned threads, oldest waits first (at most QUEUE_LIMIT), or the one asked for. */
export function teamQueue(
  r: Reader,
  teamId: number,
  rules: TeamRouting,
  members: readonly RoutingMember[],
  onlyThreadId?: number,
): QueuedThread[] {
  const rows = r
    .select(queueColumns)
    .from(threads)
    .innerJoin(customers, eq(customers.id, threads.customerId))
    .where(
      and(
        eq(threads.teamId, teamId),
        eq(threads.status, 'open'),
        isNull(threads.assigneeId),
        isNull(threads.mergedIntoThreadId),
        onlyThreadId === undefined ? undefined : eq(threads.id, onlyThreadId),
      ),
    )
    .orderBy(sql`${threads.waitingSince} is null`, threads.waitingSince, threads.id)
    .limit(QUEUE_LIMIT)
    .all();
  const needLanguage = rules.skills && members.some((m) => m.languages.length > 0);
  return rows.map((row) => toQueued(r, row, needLanguage));
}
