import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { messages, outbox } from '#server/db/schema';
import { backoffMs } from '#server/services/outbox';
import { startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';

let app: TestApp | null = null;
let rec: Recorder | null = null;
afterEach(async () => {
  await app?.close();
  await rec?.close();
  app = null;
  rec = null;
});

async function until<T>(fn: () => T | undefined, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('outbox', () => {
  it('backs off exponentially with a cap', () => {
    const o = { baseBackoffMs: 1000, maxBackoffMs: 60_000 };
    expect([1, 2, 3, 4, 10].map((a) => backoffMs(a, o))).toEqual([1000, 2000, 4000, 8000, 60_000]);
  });

  it('retries while the provider is down and delivers exactly once when it is back', async () => {
    let down = true;
    rec = await startRecorder(() => (down ? { status: 503, json: { error: 'maintenance' } } : { status: 200 }));
    app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
    const admin = await login(app.url, 'admin@test.local');
    const key = await createApiKey(admin, `${rec.url}/hook`);
    const posted = await (
      await postApiMessage(app.url, key.secret, { customer: { id: 'c1' }, message: { id: 'x1', text: 'hi' } })
    ).json();
    const reply = await (await admin.post(`/api/threads/${posted.threadId}/replies`, { text: 'hello back' })).json();
    await rec.waitForCalls(2);
    const db = app.db;
    const retrying = db.select().from(messages).where(eq(messages.id, reply.id)).get()!;
    expect(retrying.deliveryStatus).toBe('queued');
    expect(retrying.deliveryError).toMatch(/HTTP 503.*retrying/);
    down = false;
    const done = await until(() => {
      const row = db.select().from(outbox).where(eq(outbox.messageId, reply.id)).get();
      return row?.status === 'done' ? row : undefined;
    });
    const okCalls = rec.calls.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(rec.calls.length).toBe(okCalls); // nothing sent after success
    expect(done.attempts).toBeGreaterThanOrEqual(3);
    expect(db.select().from(messages).where(eq(messages.id, reply.id)).get()!).toMatchObject({
      deliveryStatus: 'sent',
      deliveryError: null,
    });
  });

  it('fails permanently with the provider’s reason on a 4xx, and an agent can retry it', async () => {
    let reject = true;
    rec = await startRecorder(() => (reject ? { status: 400 } : { status: 200 }));
    app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
    const admin = await login(app.url, 'admin@test.local');
    const key = await createApiKey(admin, `${rec.url}/hook`);
    const posted = await (
      await postApiMessage(app.url, key.secret, { customer: { id: 'c2' }, message: { id: 'x2', text: 'hi' } })
    ).json();
    const reply = await (await admin.post(`/api/threads/${posted.threadId}/replies`, { text: 'hello' })).json();
    const failed = await until(() => {
      const m = app!.db.select().from(messages).where(eq(messages.id, reply.id)).get();
      return m?.deliveryStatus === 'failed' ? m : undefined;
    });
    expect(failed.deliveryError).toMatch(/HTTP 400/);
    expect(rec.calls).toHaveLength(1);
    reject = false;
    const retried = await admin.post(`/api/messages/${reply.id}/retry`);
    expect(retried.status).toBe(200);
    // The answer is the message queued again, so the client can show it without waiting for the socket.
    expect(await retried.json()).toMatchObject({ id: reply.id, deliveryStatus: 'queued', deliveryError: null });
    await until(() =>
      app!.db.select().from(messages).where(eq(messages.id, reply.id)).get()?.deliveryStatus === 'sent'
        ? true
        : undefined,
    );
    expect(rec.calls).toHaveLength(2);
    expect((await admin.post(`/api/messages/${reply.id}/retry`)).status).toBe(409);
  });

  it('delivers replies still pending after a restart', async () => {
    rec = await startRecorder(() => ({ status: 503 }));
    const first = await startApp(ALLOW_LOOPBACK_OUTBOUND, {
      outbox: { pollMs: 50, baseBackoffMs: 60_000, maxBackoffMs: 60_000 },
    });
    const admin = await login(first.url, 'admin@test.local');
    const key = await createApiKey(admin, `${rec.url}/hook`);
    const posted = await (
      await postApiMessage(first.url, key.secret, { customer: { id: 'c3' }, message: { id: 'x3', text: 'hi' } })
    ).json();
    const reply = await (await admin.post(`/api/threads/${posted.threadId}/replies`, { text: 'after restart' })).json();
    await rec.waitForCalls(1);
    await first.stop(); // Braid goes down with the reply still pending (next attempt a minute away)
    expect(first.db.$client.open).toBe(false);
    rec.respond(() => ({ status: 200 }));
    app = await startApp(ALLOW_LOOPBACK_OUTBOUND, { dataDir: first.dir, now: () => Date.now() + 120_000 });
    await until(() =>
      app!.db.select().from(outbox).where(eq(outbox.messageId, reply.id)).get()?.status === 'done' ? true : undefined,
    );
    expect(rec.calls).toHaveLength(2);
    expect(JSON.parse(rec.calls[1].body).message.text).toBe('after restart');
  });
});
