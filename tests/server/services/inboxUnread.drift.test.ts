import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recountInboxCounters } from '#server/db/inboxCounters';
import { ingestInbound } from '#server/services/ingest';
import { mergeCustomers, unmergeCustomers } from '#server/services/merge';
import { replyToThread } from '#server/services/replies';
import { assignThread, markRead, setThreadStatus } from '#server/services/threadOps';
import { countThreads } from '#server/services/threadCounts';
import type { Viewer } from '#server/domain/access';
import type { ChannelKind } from '#shared/channels';
import { serviceDb } from '#tests/helpers/db';
import { prng } from '#tests/helpers/prng';
import { inbound, makeAgent } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];
beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

/**
 * Unread per assignee counted from scratch over the messages, as the counts did before migration
 * 0020: for every live thread assigned to an agent, its inbound messages after that agent's mark.
 */
function unreadFromMessages(): Map<number, number> {
  const rows = t.db.$client
    .prepare(
      `select t.assignee_id as agent, count(m.id) as n from threads t
       join messages m on m.thread_id = t.id and m.direction = 'inbound'
         and m.id > coalesce((select last_read_message_id from thread_reads r
           where r.agent_id = t.assignee_id and r.thread_id = t.id), 0)
       where t.assignee_id is not null and t.merged_into_thread_id is null group by t.assignee_id`,
    )
    .all() as Array<{ agent: number; n: number }>;
  return new Map(rows.map((r) => [r.agent, r.n]));
}

const kept = () =>
  t.db.$client.prepare('select agent_id, n from agent_unread where n <> 0 order by 1').all() as Array<{
    agent_id: number;
    n: number;
  }>;

describe('unread per assignee (agent_unread)', () => {
  it('equals a recount over the messages after 3,000 random ingests, replies, assigns, reads, status changes, merges and unmerges', () => {
    const rand = prng(10);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const viewers: Viewer[] = [admin, ...[1, 2, 3].map(() => makeAgent(t.db, { role: 'supervisor' }))];
    const channels: ChannelKind[] = ['email', 'telegram', 'sms', 'api'];
    const live = () =>
      t.db.$client
        .prepare(
          'select id, customer_id as customerId, last_message_id as last from threads where merged_into_thread_id is null',
        )
        .all() as Array<{ id: number; customerId: number; last: number | null }>;
    const mergeIds: number[] = [];
    const counts = { ingest: 0, reply: 0, assign: 0, read: 0, status: 0, merge: 0, unmerge: 0 };
    for (let i = 0; i < 3_000; i++) {
      env.clock.now += Math.floor(rand() * 20_000);
      const threads = live();
      const r = rand();
      if (r < 0.35 || threads.length < 2) {
        const channel = pick(channels);
        const who = `${Math.floor(rand() * 150)}`;
        const address =
          channel === 'email' ? `c${who}@example.com` : channel === 'sms' ? `+4850010${who.padStart(4, '0')}` : who;
        ingestInbound(env.deps, inbound(channel, address, `msg ${i}`));
        counts.ingest++;
      } else if (r < 0.45) {
        replyToThread(env.deps, admin, pick(threads).id, { text: `reply ${i}` });
        counts.reply++;
      } else if (r < 0.6) {
        assignThread(env.deps, admin, pick(threads).id, rand() < 0.2 ? null : pick(viewers).id);
        counts.assign++;
      } else if (r < 0.8) {
        const th = pick(threads);
        if (th.last === null) continue;
        // Sometimes an earlier mark than the newest message (the mark never moves back).
        markRead(env.deps, pick(viewers), th.id, rand() < 0.7 ? th.last : Math.max(1, th.last - 3));
        counts.read++;
      } else if (r < 0.9) {
        setThreadStatus(env.deps, admin, pick(threads).id, pick(['resolved', 'pending', 'open'] as const));
        counts.status++;
      } else if (r < 0.96 || mergeIds.length === 0) {
        const a = pick(threads);
        const b = pick(threads.filter((x) => x.id !== a.id));
        mergeIds.push(mergeCustomers(env.deps, admin, a.customerId, b.customerId).id);
        counts.merge++;
      } else {
        // Undo the newest merge still in place (an older one may be blocked by later merges).
        unmergeCustomers(env.deps, admin, mergeIds.pop() as number);
        counts.unmerge++;
      }
      if (i % 500 === 499) expect(new Map(kept().map((k) => [k.agent_id, k.n]))).toEqual(unreadFromMessages());
    }
    expect(Math.min(...Object.values(counts))).toBeGreaterThan(20);

    const expected = unreadFromMessages();
    expect([...expected.values()].some((n) => n > 0)).toBe(true);
    expect(new Map(kept().map((k) => [k.agent_id, k.n]))).toEqual(expected);
    for (const v of viewers) expect(countThreads(t.db, v).unreadMine).toBe(expected.get(v.id) ?? 0);

    const before = kept();
    recountInboxCounters(t.db.$client);
    expect(kept()).toEqual(before);
  }, 120_000);
});
