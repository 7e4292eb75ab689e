import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { customers, episodes, identities, messages, threads } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { replyToThread } from '#server/services/replies';
import { setThreadStatus } from '#server/services/threadOps';
import { serviceDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';
import { InvalidAddressError } from '#server/errors';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
let admin: ReturnType<typeof serviceDb>['admin'];

beforeEach(() => ({ t, env, admin } = serviceDb()));
afterEach(() => t.cleanup());

const count = (table: typeof customers | typeof threads | typeof messages | typeof identities | typeof episodes) =>
  t.db.select().from(table).all().length;

describe('identity resolution on ingest', () => {
  it('puts SMS and WhatsApp from one number into one customer and one thread', () => {
    const a = ingestInbound(env.deps, inbound('sms', '+48 512 345 678', 'Hej, gdzie moja paczka?'));
    const b = ingestInbound(env.deps, inbound('whatsapp', 'whatsapp:+48512345678', 'Piszę też tutaj 📦'));
    const c = ingestInbound(env.deps, inbound('voice', '+48512345678', '(voicemail) oddzwońcie proszę'));
    expect(a.status).toBe('stored');
    expect(new Set([a.customerId, b.customerId, c.customerId]).size).toBe(1);
    expect(new Set([a.threadId, b.threadId, c.threadId]).size).toBe(1);
    expect(count(customers)).toBe(1);
    expect(count(identities)).toBe(3); // one identity per channel, all on the same customer
    const thread = t.db.select().from(threads).get()!;
    expect(thread.channels).toEqual(['sms', 'whatsapp', 'voice']);
  });

  it('keys email by the lower-cased address', () => {
    const a = ingestInbound(env.deps, inbound('email', 'Anna@Example.com', 'first'));
    const b = ingestInbound(env.deps, inbound('email', 'anna@example.COM', 'second'));
    expect(b.customerId).toBe(a.customerId);
    expect(t.db.select().from(identities).get()!.address).toBe('anna@example.com');
  });

  it('links an opaque-id channel to an existing customer by a shared email, but not without one', () => {
    const mail = ingestInbound(env.deps, inbound('email', 'bob@example.com', 'hello by mail'));
    const chatAnon = ingestInbound(env.deps, inbound('webchat', 'visitor-1', 'anonymous chat'));
    const chatKnown = ingestInbound(
      env.deps,
      inbound('webchat', 'visitor-2', 'pre-chat form', { from: { address: 'visitor-2', email: 'BOB@example.com' } }),
    );
    expect(chatAnon.customerId).not.toBe(mail.customerId);
    expect(chatKnown.customerId).toBe(mail.customerId);
  });

  it('prefers the exact identity over a phone match', () => {
    const tg = ingestInbound(env.deps, inbound('telegram', '111', 'hi from telegram'));
    const sms = ingestInbound(env.deps, inbound('sms', '+66812345678', 'hi from sms'));
    // Telegram user shares a contact with the SMS number later: the exact identity still wins.
    const again = ingestInbound(
      env.deps,
      inbound('telegram', '111', 'my number', { from: { address: '111', phone: '+66812345678' } }),
    );
    expect(again.customerId).toBe(tg.customerId);
    expect(sms.customerId).not.toBe(tg.customerId);
  });

  it('names a customer first known only by number once a display name arrives, but never renames a real name', () => {
    const a = ingestInbound(env.deps, inbound('sms', '+66812345601', 'สวัสดีครับ'));
    expect(t.db.select().from(customers).get()!.name).toBe('+66812345601');
    ingestInbound(
      env.deps,
      inbound('whatsapp', '+66812345601', 'ทาง WhatsApp', {
        from: { address: '+66812345601', displayName: 'สมชาย ใจดี' },
      }),
    );
    expect(t.db.select().from(customers).get()!.name).toBe('สมชาย ใจดี');
    ingestInbound(
      env.deps,
      inbound('whatsapp', '+66812345601', 'again', { from: { address: '+66812345601', displayName: 'Somchai J' } }),
    );
    expect(t.db.select().from(customers).get()!).toMatchObject({ id: a.customerId, name: 'สมชาย ใจดี' });
  });

  it('rejects an address it cannot understand without storing anything', () => {
    expect(() => ingestInbound(env.deps, inbound('sms', 'not-a-number', 'x'))).toThrow(InvalidAddressError);
    expect(count(messages)).toBe(0);
  });
});

describe('duplicates, episodes and waiting', () => {
  it('stores a duplicate delivery once and still reports the original', () => {
    const msg = inbound('line', 'Uabc', 'สวัสดีค่ะ', { providerMessageId: 'line-1' });
    const first = ingestInbound(env.deps, msg);
    const again = ingestInbound(env.deps, { ...msg, text: 'changed?' });
    expect(again).toMatchObject({ status: 'duplicate', messageId: first.messageId, threadId: first.threadId });
    expect(count(messages)).toBe(1);
    expect(t.db.select().from(messages).get()!.text).toBe('สวัสดีค่ะ');
    expect(env.publisher.events.filter((e) => e.event.type === 'message.created')).toHaveLength(1);
  });

  it('re-opens a resolved thread as a new episode', () => {
    const first = ingestInbound(env.deps, inbound('sms', '+14155550101', 'my order is late'));
    setThreadStatus(env.deps, admin, first.threadId, 'resolved');
    env.clock.now += 3_600_000;
    const second = ingestInbound(env.deps, inbound('sms', '+14155550101', 'it is late again'));
    expect(second).toMatchObject({ status: 'stored', newEpisode: true, threadId: first.threadId });
    const eps = t.db.select().from(episodes).where(eq(episodes.threadId, first.threadId)).all();
    expect(eps.map((e) => e.number)).toEqual([1, 2]);
    expect(eps[0].resolvedAt).not.toBeNull();
    expect(t.db.select().from(threads).get()!).toMatchObject({ status: 'open', currentEpisodeId: eps[1].id });
  });

  it('keeps waiting-since at the oldest unanswered inbound message, clears it on reply, orders by provider time', () => {
    const base = env.clock.now;
    const a = ingestInbound(env.deps, inbound('whatsapp', '+66812345678', 'second', { providerTs: base - 60_000 }));
    ingestInbound(
      env.deps,
      inbound('whatsapp', '+66812345678', 'first (delivered late)', { providerTs: base - 120_000 }),
    );
    let thread = t.db.select().from(threads).get()!;
    expect(thread.waitingSince).toBe(base - 120_000);
    expect(thread.lastMessagePreview).toBe('second');
    const ordered = t.db
      .select()
      .from(messages)
      .where(eq(messages.threadId, a.threadId))
      .orderBy(messages.sortTs)
      .all();
    expect(ordered.map((m) => m.text)).toEqual(['first (delivered late)', 'second']);
    const reply = replyToThread(env.deps, admin, a.threadId, { text: 'We are on it' });
    expect(reply.waitedMs).toBe(120_000);
    thread = t.db.select().from(threads).get()!;
    expect(thread.waitingSince).toBeNull();
    env.clock.now += 10_000;
    ingestInbound(env.deps, inbound('whatsapp', '+66812345678', 'thanks'));
    expect(t.db.select().from(threads).get()!.waitingSince).toBe(env.clock.now);
  });

  it('publishes events only after the transaction committed', () => {
    const r = ingestInbound(env.deps, inbound('telegram', '42', 'hello'));
    const ev = env.publisher.events.at(-1)!;
    expect(ev.event.type).toBe('message.created');
    // The event's message is readable from a separate connection: it was committed.
    const Database = t.db.$client.constructor as new (f: string) => {
      prepare(s: string): { get(...a: unknown[]): unknown };
      close(): void;
    };
    const other = new Database(t.file);
    expect(other.prepare('select id from messages where id = ?').get(r.messageId)).toEqual({ id: r.messageId });
    other.close();
    expect(ev.event.seq).toBeGreaterThan(0);
  });
});

describe('concurrent first messages from one new customer', () => {
  it('creates exactly one customer and one thread per person across two processes', async () => {
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const worker = join(__dirname, '../../helpers/ingestWorker.ts');
    const startAt = String(Date.now() + 3_000);
    const run = (tag: string) =>
      new Promise<void>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', worker, t.file, tag, '40', startAt], {
          stdio: ['ignore', 'inherit', 'inherit'],
        });
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${tag} exited ${code}`))));
      });
    await Promise.all([run('a'), run('b')]);
    // 40 people × (SMS from process a + WhatsApp from process b), all racing to be first.
    expect(count(messages)).toBe(80);
    expect(count(customers)).toBe(40);
    expect(count(threads)).toBe(40);
    const perThread = t.db.$client
      .prepare('select thread_id, count(*) n from messages group by thread_id')
      .all() as Array<{ n: number }>;
    expect(perThread.every((r) => r.n === 2)).toBe(true);
  }, 60_000);
});
