import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers, identities, messages, threads } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { listMerges, mergeCustomers, unmergeCustomers } from '#server/services/merge';
import { replyToThread } from '#server/services/replies';
import { serviceDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';
import { ConflictError } from '#server/errors';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];

beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

function step(ms = 1000) {
  env.clock.now += ms;
}

describe('merge and unmerge', () => {
  it('moves identities and history into one thread, and unmerge restores both customers exactly', () => {
    const mail = ingestInbound(env.deps, inbound('email', 'wei@example.com', '请问可以开发票吗？'));
    step();
    replyToThread(env.deps, admin, mail.threadId, { text: '可以的' });
    step();
    const tg = ingestInbound(env.deps, inbound('telegram', '700001', '还是没有收到发票'));
    expect(tg.customerId).not.toBe(mail.customerId);
    const before = t.db
      .select()
      .from(messages)
      .where(eq(messages.threadId, tg.threadId))
      .all()
      .map((m) => m.id);

    step();
    const rec = mergeCustomers(env.deps, admin, mail.customerId, tg.customerId);
    expect(rec).toMatchObject({ targetCustomerId: mail.customerId, sourceCustomerId: tg.customerId, undoneAt: null });
    const merged = t.db.select().from(messages).where(eq(messages.threadId, mail.threadId)).all();
    expect(merged.filter((m) => m.direction !== 'system').map((m) => m.text)).toEqual([
      '请问可以开发票吗？',
      '可以的',
      '还是没有收到发票',
    ]);
    expect(t.db.select().from(identities).where(eq(identities.customerId, mail.customerId)).all()).toHaveLength(2);
    expect(t.db.select().from(customers).where(eq(customers.id, tg.customerId)).get()!.mergedIntoId).toBe(
      mail.customerId,
    );
    const target = t.db.select().from(threads).where(eq(threads.id, mail.threadId)).get()!;
    expect(target.channels.sort()).toEqual(['email', 'telegram']);
    expect(target.lastInboundChannel).toBe('telegram');
    expect(target.waitingSince).not.toBeNull(); // the Telegram message is unanswered
    expect(env.publisher.events.map((e) => e.event.type)).toContain('thread.removed');

    // A new Telegram message after the merge lands in the merged thread…
    step();
    const later = ingestInbound(env.deps, inbound('telegram', '700001', '在吗？'));
    expect(later.threadId).toBe(mail.threadId);

    // …and goes back with the Telegram identity on unmerge.
    step();
    unmergeCustomers(env.deps, admin, rec.id);
    const back = t.db.select().from(messages).where(eq(messages.threadId, tg.threadId)).all();
    expect(back.filter((m) => m.direction === 'inbound').map((m) => m.text)).toEqual(['还是没有收到发票', '在吗？']);
    expect(before.every((id) => back.some((m) => m.id === id))).toBe(true);
    const targetAgain = t.db.select().from(messages).where(eq(messages.threadId, mail.threadId)).all();
    expect(targetAgain.filter((m) => m.direction === 'inbound').map((m) => m.text)).toEqual(['请问可以开发票吗？']);
    expect(t.db.select().from(customers).where(eq(customers.id, tg.customerId)).get()!.mergedIntoId).toBeNull();
    expect(t.db.select().from(threads).where(eq(threads.id, tg.threadId)).get()!.mergedIntoThreadId).toBeNull();
    expect(t.db.select().from(threads).where(eq(threads.id, mail.threadId)).get()!.channels).toEqual(['email']);
    expect(listMerges(env.deps, mail.customerId)[0].undoneAt).not.toBeNull();
    expect(() => unmergeCustomers(env.deps, admin, rec.id)).toThrow(ConflictError);
  });

  it('refuses to merge a customer into itself or an already merged customer', () => {
    const a = ingestInbound(env.deps, inbound('sms', '+48512345001', 'a'));
    const b = ingestInbound(env.deps, inbound('sms', '+48512345002', 'b'));
    expect(() => mergeCustomers(env.deps, admin, a.customerId, a.customerId)).toThrow(ConflictError);
    mergeCustomers(env.deps, admin, a.customerId, b.customerId);
    expect(() => mergeCustomers(env.deps, admin, a.customerId, b.customerId)).toThrow(ConflictError);
  });
});
