import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customers } from '#server/db/schema';
import { eq } from 'drizzle-orm';
import { ingestInbound } from '#server/services/ingest';
import { replyToThread } from '#server/services/replies';
import { createSlaPolicy } from '#server/services/sla';
import { updateTeamConfig } from '#server/services/teamConfig';
import { assignThread, markRead, setThreadStatus, setThreadTeam } from '#server/services/threadOps';
import { getThreadRow, summarize } from '#server/services/threadQueries';
import { listThreads } from '#server/services/threadReads';
import { ThreadListQuerySchema } from '#shared/schemas/thread';
import { serviceDb } from '#tests/helpers/db';
import { unreadByCounting } from '#tests/helpers/unread';
import { inbound, makeTeam } from '#tests/factories';

// The inbox list builds its items from one statement's raw rows (threadListRows.ts); the thread
// events and the thread view build theirs from the full row, read one by one (summarize). Both must
// say the same about every thread: customer hint, SLA badge (policy by tier, business hours, paused
// clocks), sentiment, channels — and the list adds the viewer's unread count.

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];
beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

const HOUR = 3_600_000;

describe('inbox list items', () => {
  it('equal the thread summary read one by one, plus the unread count, for every kind of thread', () => {
    const office = makeTeam(t.db);
    const always = makeTeam(t.db);
    updateTeamConfig(t.db, office, {
      businessHours: {
        timeZone: 'Europe/Warsaw',
        weekly: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['09:00', '17:00']]])),
        holidays: [],
      } as never,
    });
    const policy = { nextResponseMs: 4 * HOUR, resolutionMs: 24 * HOUR };
    createSlaPolicy(
      t.db,
      { name: 'VIP', match: { tiers: ['vip'] }, firstResponseMs: 15 * 60_000, ...policy, businessHours: false },
      env.clock.now,
    );
    createSlaPolicy(
      t.db,
      { name: 'Standard', match: {}, firstResponseMs: HOUR, ...policy, businessHours: true },
      env.clock.now,
    );

    const say = (...args: Parameters<typeof inbound>) => {
      env.clock.now += 7 * 60_000;
      const r = ingestInbound(env.deps, inbound(...args));
      if (r.status !== 'stored') throw new Error(`not stored: ${r.status}`);
      return r;
    };
    const phone = say('whatsapp', '+48500100200', 'dzień dobry');
    const email = say('email', 'ana@example.com', 'my order is late, this is terrible');
    const handle = say('telegram', '9001', 'hi', { replyFacts: { username: 'ana_k' } });
    const notAHandle = say('telegram', '9002', 'hello', { replyFacts: { username: 42 } });
    const badHandle = say('telegram', '9003', 'hey', { replyFacts: { username: 'two words' } });
    const visitor = say('webchat', 'visitor-1', 'anyone?', {
      from: { address: 'visitor-1', email: 'v@example.com', claimed: true },
    });
    const vip = say('sms', '+48500100300', 'urgent please');
    t.db.update(customers).set({ tier: 'vip' }).where(eq(customers.id, vip.customerId)).run();

    setThreadTeam(env.deps, admin, phone.threadId, office);
    setThreadTeam(env.deps, admin, email.threadId, always);
    setThreadTeam(env.deps, admin, vip.threadId, office);
    replyToThread(env.deps, admin, email.threadId, { text: 'looking into it' });
    say('email', 'ana@example.com', 'still waiting');
    assignThread(env.deps, admin, handle.threadId, admin.id);
    markRead(env.deps, admin, handle.threadId, handle.messageId);
    say('telegram', '9001', 'and another thing');
    setThreadStatus(env.deps, admin, notAHandle.threadId, 'pending');
    setThreadStatus(env.deps, admin, badHandle.threadId, 'snoozed', env.clock.now + 2 * HOUR);
    setThreadStatus(env.deps, admin, visitor.threadId, 'resolved');
    markRead(env.deps, admin, vip.threadId, vip.messageId);

    // Read at several instants: before and after the clocks cross their due times.
    for (const later of [0, 30 * 60_000, 5 * HOUR, 3 * 24 * HOUR]) {
      const now = env.clock.now + later;
      const page = listThreads(t.db, admin, ThreadListQuerySchema.parse({ status: 'all', limit: 200 }), now);
      expect(page.items).toHaveLength(7);
      for (const item of page.items) {
        const one = summarize(t.db, getThreadRow(t.db, item.id), now);
        expect(item).toEqual({ ...one, unreadCount: unreadByCounting(t.db, admin.id, item.id) });
      }
      const hints = page.items.map((i) => i.customer.hint?.kind).sort();
      expect(hints).toEqual(['email', 'email', 'handle', 'phone', 'phone', 'user', 'user']);
      expect(
        page.items
          .filter((i) => i.sla !== null)
          .map((i) => i.sla?.policyName)
          .sort(),
      ).toEqual(expect.arrayContaining(['Standard', 'VIP']));
    }
  });
});
