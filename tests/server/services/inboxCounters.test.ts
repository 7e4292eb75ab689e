import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recountInboxCounters } from '#server/db/inboxCounters';
import { ingestInbound } from '#server/services/ingest';
import { mergeCustomers, unmergeCustomers } from '#server/services/merge';
import { replyToThread } from '#server/services/replies';
import { assignThread, markRead, setThreadStatus, setThreadTeam } from '#server/services/threadOps';
import { countThreads } from '#server/services/threadCounts';
import { listThreads } from '#server/services/threadReads';
import { ThreadListQuerySchema } from '#shared/schemas/thread';
import { serviceDb } from '#tests/helpers/db';
import { unreadByCounting } from '#tests/helpers/unread';
import { inbound, makeAgent, makeTeam } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];

beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

/** Every counter the triggers keep, as rows (zero tallies dropped: a recount does not write them). */
function counters() {
  const q = (s: string) => t.db.$client.prepare(s).all();
  return {
    threads: q('select id, inbound_count from threads order by id'),
    reads: q('select agent_id, thread_id, read_inbound_count from thread_reads order by 1, 2'),
    tallies: q('select * from thread_tallies where n <> 0 order by 1, 2, 3'),
    channels: q('select * from channel_tallies where n <> 0 order by 1, 2, 3'),
    unread: q('select * from agent_unread where n <> 0 order by 1'),
  };
}

describe('inbox counters kept by triggers', () => {
  it('match a recount from the rows after ingest, replies, reads, team moves, status changes, merge and unmerge', () => {
    const teamA = makeTeam(t.db);
    const teamB = makeTeam(t.db);
    const agent = makeAgent(t.db);
    const step = () => (env.clock.now += 1000);
    const a = ingestInbound(env.deps, inbound('email', 'ana@example.com', 'hello'));
    step();
    ingestInbound(env.deps, inbound('email', 'ana@example.com', 'anyone?'));
    const b = ingestInbound(env.deps, inbound('telegram', '9001', 'hi there'));
    const c = ingestInbound(env.deps, inbound('sms', '+48500100200', 'status?'));
    step();
    replyToThread(env.deps, admin, a.threadId, { text: 'on it' });
    assignThread(env.deps, admin, a.threadId, agent.id);
    assignThread(env.deps, admin, b.threadId, admin.id);
    setThreadTeam(env.deps, admin, b.threadId, teamA);
    setThreadTeam(env.deps, admin, c.threadId, teamB);
    markRead(env.deps, admin, b.threadId, b.messageId);
    step();
    ingestInbound(env.deps, inbound('telegram', '9001', 'still there?'));
    setThreadStatus(env.deps, admin, c.threadId, 'resolved');
    const merge = mergeCustomers(env.deps, admin, a.customerId, b.customerId);
    step();
    ingestInbound(env.deps, inbound('telegram', '9001', 'after the merge'));
    const kept = counters();
    expect(kept.tallies.length).toBeGreaterThan(0);
    expect(kept.channels.length).toBeGreaterThan(0);

    recountInboxCounters(t.db.$client);
    expect(counters()).toEqual(kept);

    unmergeCustomers(env.deps, admin, merge.id);
    markRead(env.deps, admin, b.threadId, b.messageId);
    const afterUnmerge = counters();
    recountInboxCounters(t.db.$client);
    expect(counters()).toEqual(afterUnmerge);

    // The list's unread figure equals counting messages after the read mark.
    const page = listThreads(t.db, admin, ThreadListQuerySchema.parse({ status: 'all' }), env.clock.now);
    expect(page.items.length).toBeGreaterThanOrEqual(3);
    for (const item of page.items) expect(item.unreadCount).toBe(unreadByCounting(t.db, admin.id, item.id));
    expect(page.items.some((i) => (i.unreadCount ?? 0) > 0)).toBe(true);
    expect(countThreads(t.db, admin).unreadMine).toBe(unreadByCounting(t.db, admin.id, b.threadId));
  });
});
