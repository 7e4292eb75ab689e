import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderLanes } from '#server/services/outboxLanes';
import { startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { adminOf, channelEnv, listAllThreads, postLine, postTelegram } from '#tests/server/channels/webhookHelpers';

/** A provider that accepts every request and never answers (until the test ends). */
async function startHangingProvider() {
  const held: ServerResponse[] = [];
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => held.push(res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    close: () => {
      held.forEach((r) => r.destroy());
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('one hanging provider does not delay the others', () => {
  let app: TestApp;
  let admin: AgentClient;
  let hang: Awaited<ReturnType<typeof startHangingProvider>>;
  let rec: Recorder;
  beforeAll(async () => {
    hang = await startHangingProvider();
    rec = await startRecorder(() => ({ status: 200, json: { sentMessages: [{ id: '1', quoteToken: 'q' }] } }));
    app = await startApp(
      channelEnv({ ...ALLOW_LOOPBACK_OUTBOUND, TELEGRAM_API_BASE: hang.url, LINE_API_BASE: rec.url }),
    );
    admin = await adminOf(app);
  });
  afterAll(async () => {
    await hang.close(); // the hanging sends fail now, so stopping Braid need not wait for their timeout
    await app.close();
    await rec.close();
  });

  it('delivers a LINE and an API reply while 8 Telegram sends hang', async () => {
    const from = { id: 990001, is_bot: false, first_name: 'Hang' };
    const update = JSON.stringify({
      update_id: 1,
      message: { message_id: 1, from, chat: { ...from, type: 'private' }, date: 1_700_000_000, text: 'hi' },
    });
    expect((await postTelegram(app, update)).status).toBe(200);
    const line = JSON.stringify({
      destination: 'U0',
      events: [
        {
          type: 'message',
          message: { type: 'text', id: '88001', text: 'hi' },
          timestamp: Date.now(),
          source: { type: 'user', userId: 'Uhealthy' },
          replyToken: 'r',
          mode: 'active',
          webhookEventId: 'e1',
          deliveryContext: { isRedelivery: false },
        },
      ],
    });
    expect((await postLine(app, line)).status).toBe(200);
    const key = await createApiKey(admin, `${rec.url}/callback`);
    const api = await (
      await postApiMessage(app.url, key.secret, { customer: { id: 'healthy' }, message: { id: 'h1', text: 'hi' } })
    ).json();
    const threads = await listAllThreads(admin);
    const tg = threads.find((t) => t.customer.name === 'Hang')!;
    const ln = threads.find((t) => t.channels.includes('line'))!;
    for (let i = 0; i < 8; i++) await admin.post(`/api/threads/${tg.id}/replies`, { text: `stuck ${i}` });
    await new Promise((r) => setTimeout(r, 200)); // the Telegram sends are in flight and hanging
    const started = Date.now();
    await admin.post(`/api/threads/${ln.id}/replies`, { text: 'LINE is fine' });
    await admin.post(`/api/threads/${api.threadId}/replies`, { text: 'API is fine' });
    await rec.waitForCalls(2, 10_000);
    // Figure for the report (not asserted): how long the healthy replies waited.
    console.info(`[lanes] healthy LINE + API replies delivered ${Date.now() - started} ms after sending`);
    expect(rec.calls.map((c) => c.path).sort()).toEqual(['/callback', '/v2/bot/message/push']);
    expect(hang.held.length).toBeGreaterThan(0);
    expect(hang.held.length).toBeLessThanOrEqual(4); // Telegram uses only its own lane
    expect(hang.held.every((r) => !r.writableEnded)).toBe(true); // still hanging
  });
});

describe('provider circuit breaker', () => {
  it('pauses a provider after repeated failures, probes once after the pause, and closes on success', () => {
    let t = 0;
    const lanes = new ProviderLanes({ perProvider: 2, breakerThreshold: 3, breakerCooldownMs: 1_000 }, () => t);
    expect(lanes.canStart('sms')).toBe(true);
    lanes.started('sms');
    expect(lanes.canStart('sms', 1)).toBe(false); // lane full
    lanes.finished('sms', 'retryable');
    for (let i = 0; i < 2; i++) {
      lanes.started('sms');
      lanes.finished('sms', 'retryable');
    }
    expect(lanes.isOpen('sms')).toBe(true);
    expect(lanes.canStart('sms')).toBe(false);
    expect(lanes.canStart('line')).toBe(true); // other providers are unaffected
    t = 1_000;
    expect(lanes.canStart('sms')).toBe(true); // half-open: one probe
    lanes.started('sms');
    expect(lanes.canStart('sms')).toBe(false);
    lanes.finished('sms', 'retryable');
    expect(lanes.canStart('sms')).toBe(false); // re-opened, pause doubled
    t = 3_000;
    lanes.started('sms');
    lanes.finished('sms', 'ok');
    expect(lanes.canStart('sms', 1)).toBe(true); // closed again: full lane
  });
});

describe('provider rate limits', () => {
  it('starts at most a provider’s rate per second, refills over time, and never slows another provider', () => {
    let t = 0;
    const opts = { perProvider: 100, breakerThreshold: 5, breakerCooldownMs: 1_000, ratePerSecond: { telegram: 3 } };
    const lanes = new ProviderLanes(opts, () => t);
    const burst = (lane: string) => {
      let n = 0;
      while (n < 50 && lanes.canStart(lane)) {
        lanes.started(lane);
        lanes.finished(lane, 'ok');
        n++;
      }
      return n;
    };
    expect(burst('telegram')).toBe(3);
    expect(burst('line')).toBe(50); // not limited in these options
    t = 500;
    expect(burst('telegram')).toBe(1); // half a second refills one and a half sends
    t = 10_000;
    expect(burst('telegram')).toBe(3); // a long pause never banks more than one second's worth
    expect(burst('api:7')).toBe(50);
  });
});
