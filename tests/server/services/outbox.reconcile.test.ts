import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '#server/channels/kit/guardedFetch';
import { createChannelRegistry } from '#server/channels/registry';
import type { ChannelContext } from '#server/channels/types';
import { loadConfig } from '#server/config';
import { outbox } from '#server/db/schema';
import { nobodyOnline, nullPublisher, type ServiceDeps } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { OutboxWorker } from '#server/services/outbox';
import { replyToThread } from '#server/services/replies';
import { inbound, makeAgent } from '#tests/factories';
import { tempDb } from '#tests/helpers/db';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { SECRETS } from '#tests/server/channels/webhookHelpers';

let t: ReturnType<typeof tempDb>;
let rec: Recorder;
let deps: ServiceDeps;
beforeEach(async () => {
  t = tempDb();
  rec = await startRecorder();
  makeAgent(t.db, { id: 1, email: 'a@x', name: 'Ada', role: 'admin' });
  deps = { db: t.db, publisher: nullPublisher, presence: nobodyOnline, now: Date.now };
});
afterEach(async () => {
  await rec.close();
  t.cleanup();
});

/** A worker wired to the real channel registry, like the app's. */
function worker(): OutboxWorker {
  const config = loadConfig({
    ...SECRETS,
    ...ALLOW_LOOPBACK_OUTBOUND,
    TWILIO_API_BASE: rec.url,
    TELEGRAM_API_BASE: rec.url,
  });
  const ctx: ChannelContext = { config, db: t.db, fetch: createGuardedFetch(config), now: Date.now };
  const registry = createChannelRegistry();
  return new OutboxWorker(
    deps,
    (job) => registry[job.identity.channel].send(job, ctx),
    { pollMs: 20 },
    (job) => registry[job.identity.channel].reconcile?.(job, ctx) ?? Promise.resolve(null),
  );
}

/** A reply whose provider call was in flight when the process died: committed as "sending". */
function interruptedReply(msg: { channel: 'sms' | 'telegram'; from: string }): number {
  const { threadId } = ingestInbound(
    deps,
    inbound(msg.channel, msg.from, 'hi', { transport: msg.channel === 'sms' ? 'twilio' : 'telegram' }),
  );
  replyToThread(deps, { id: 1, role: 'admin', teamIds: [] }, threadId!, { text: 'on it' });
  const row = t.db.select().from(outbox).get()!;
  t.db.update(outbox).set({ status: 'sending', attemptStartedAt: Date.now() }).where(eq(outbox.id, row.id)).run();
  return row.id;
}

const settle = () => new Promise((r) => setTimeout(r, 400));

describe('an attempt a crash left in doubt', () => {
  it('is not re-sent while Twilio’s message list cannot be read: it stays "unknown" and is asked again later', async () => {
    rec.respond((c) => (c.method === 'GET' ? { status: 503, json: {} } : { status: 201, json: { sid: 'SMnew' } }));
    const id = interruptedReply({ channel: 'sms', from: '+48512000001' });
    const w = worker();
    w.start();
    await rec.waitForCalls(1);
    await settle();
    await w.stop();
    expect(rec.calls.map((c) => c.method)).toEqual(['GET']);
    const row = t.db.select().from(outbox).where(eq(outbox.id, id)).get()!;
    expect(row.status).toBe('unknown');
    expect(row.nextAttemptAt).toBeGreaterThan(Date.now() + 20_000);
  });

  it('is sent again on Telegram, which offers no lookup (the documented at-least-once window)', async () => {
    rec.respond(() => ({ status: 200, json: { ok: true, result: { message_id: 7, chat: { id: 42 } } } }));
    const id = interruptedReply({ channel: 'telegram', from: '42' });
    const w = worker();
    w.start();
    await rec.waitForCalls(1);
    await settle();
    await w.stop();
    expect(rec.calls.filter((c) => c.path.endsWith('/sendMessage'))).toHaveLength(1);
    expect(t.db.select().from(outbox).where(eq(outbox.id, id)).get()!.status).toBe('done');
  });
});
