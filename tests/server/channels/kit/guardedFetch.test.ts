import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '#server/db/schema';
import { createApiKey as createKeyRow } from '#server/services/apiKeys';
import { freePort, startApp, type TestApp } from '#tests/helpers/app';
import { login, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { channelEnv, eventually, postTelegram } from '#tests/server/channels/webhookHelpers';

// Everything stays on loopback: refused targets are refused before any connection is made.
let rec: Recorder;
let app: TestApp;
let admin: AgentClient;

beforeAll(async () => {
  rec = await startRecorder();
  // No OUTBOUND_ALLOW_PRIVATE: the production default, where only public addresses are reachable.
  app = await startApp(channelEnv({ TELEGRAM_API_BASE: rec.url }));
  admin = await login(app.url, 'admin@test.local');
});
afterAll(async () => {
  await app.close();
  await rec.close();
});

let n = 0;
/** A customer writes through an API key; an agent replies; answers the reply's message row once it has an error. */
async function replyThrough(secret: string) {
  const posted = await (
    await postApiMessage(app.url, secret, { customer: { id: `ssrf-${++n}` }, message: { id: `m-${n}`, text: 'hi' } })
  ).json();
  const reply = await (await admin.post(`/api/threads/${posted.threadId}/replies`, { text: 'secret reply' })).json();
  return eventually(() => {
    const row = app.db.select().from(messages).where(eq(messages.id, reply.id)).get();
    return row?.deliveryError ? row : null;
  });
}

describe('API-key callback URLs are checked when created', () => {
  it('refuses internal, numeric, non-http and local-name targets with 400 on callbackUrl', async () => {
    const port = new URL(rec.url).port;
    const targets = [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[::1]/hook',
      'http://2130706433/hook',
      'http://0x7f.1/hook',
      `http://localhost:${port}/hook`,
      'http://10.1.2.3/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'file:///etc/passwd',
      'gopher://127.0.0.1:25/_HELO',
      'javascript:alert(1)',
      'http://user:pw@93.184.216.34/hook',
    ];
    for (const callbackUrl of targets) {
      const res = await admin.post('/api/api-keys', { name: 'probe', callbackUrl });
      const body = await res.json();
      expect({ callbackUrl, status: res.status, paths: body.issues?.map((i: { path: string }) => i.path) }).toEqual({
        callbackUrl,
        status: 400,
        paths: ['callbackUrl'],
      });
    }
    expect((await (await admin.get('/api/api-keys')).json()).items).toHaveLength(0);
    const ok = await admin.post('/api/api-keys', { name: 'public', callbackUrl: 'https://93.184.216.34/hook' });
    expect(ok.status).toBe(201);
  });
});

// The retry counter in a delivery error depends on how soon the poll sees it; the error itself must match.
const withoutAttempt = (error: string | null | undefined) => error?.replace(/ \(attempt \d+ of \d+\)$/, '');

describe('every outbound call goes through the guarded fetch', () => {
  it('never connects to a callback that resolves to loopback, and closed and open ports fail alike', async () => {
    // Keys stored before validation existed (or whose DNS answer changed since) are caught at send time.
    const adminId = admin.agentId;
    const toRecorder = createKeyRow(
      app.db,
      { name: 'old', callbackUrl: `http://localhost:${new URL(rec.url).port}/h` },
      adminId,
      0,
    );
    const closed = createKeyRow(
      app.db,
      { name: 'closed', callbackUrl: `http://127.0.0.1:${await freePort()}/h` },
      adminId,
      0,
    );
    const open = await replyThrough(toRecorder.secret);
    const shut = await replyThrough(closed.secret);
    expect(rec.calls).toHaveLength(0);
    expect(open.deliveryError).toMatch(/^callback unreachable/);
    expect(withoutAttempt(open.deliveryError)).toBe(withoutAttempt(shut.deliveryError));
  });

  it('refuses a provider API base URL on a private address unless OUTBOUND_ALLOW_PRIVATE lists it', async () => {
    const from = { id: 770001, is_bot: false, first_name: 'Probe' };
    const update = (id: number) =>
      JSON.stringify({
        update_id: id,
        message: {
          message_id: id,
          from,
          chat: { ...from, type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text: 'hi',
        },
      });
    expect((await postTelegram(app, update(1))).status).toBe(200);
    const threads = (await (await admin.get('/api/threads?status=all')).json()).items as Array<{
      id: number;
      customer: { name: string };
    }>;
    const thread = threads.find((t) => t.customer.name === 'Probe')!;
    const reply = await (await admin.post(`/api/threads/${thread.id}/replies`, { text: 'hello' })).json();
    const row = await eventually(() => {
      const m = app.db.select().from(messages).where(eq(messages.id, reply.id)).get();
      return m?.deliveryError ? m : null;
    });
    expect(row.deliveryError).toMatch(/^provider unreachable/);
    expect(rec.calls).toHaveLength(0);
  });

  it('reaches an allowed private address, and an open non-HTTP port fails exactly like a closed one', async () => {
    const allowed = await startApp(ALLOW_LOOPBACK_OUTBOUND);
    const silent: Server = createServer((s) => s.destroy());
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const boss = await login(allowed.url, 'admin@test.local');
      const errorOf = async (callbackUrl: string) => {
        const key = await (await boss.post('/api/api-keys', { name: 'k', callbackUrl })).json();
        const posted = await (
          await postApiMessage(allowed.url, key.secret, {
            customer: { id: `c-${++n}` },
            message: { id: `a-${n}`, text: 'hi' },
          })
        ).json();
        const reply = await (await boss.post(`/api/threads/${posted.threadId}/replies`, { text: 'x' })).json();
        return eventually(() => {
          const m = allowed.db.select().from(messages).where(eq(messages.id, reply.id)).get();
          return m?.deliveryStatus === 'sent' ? 'sent' : withoutAttempt(m?.deliveryError);
        });
      };
      const openPort = (silent.address() as AddressInfo).port;
      const [closedErr, openErr] = [
        await errorOf(`http://127.0.0.1:${await freePort()}/h`),
        await errorOf(`http://127.0.0.1:${openPort}/h`),
      ];
      expect(closedErr).toMatch(/^callback unreachable/);
      expect(openErr).toBe(closedErr);
      expect(await errorOf(`${rec.url}/allowed`)).toBe('sent');
      expect(rec.calls.map((c) => c.path)).toEqual(['/allowed']);
    } finally {
      silent.close();
      await allowed.close();
    }
  });
});
