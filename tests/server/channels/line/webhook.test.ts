import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import { fixtureBytes, fixtureJson, fuzzInputs } from '#tests/server/channels/providerFixtures';
import {
  adminOf,
  channelEnv,
  lineSignature,
  listAllThreads,
  messageCount,
  postLine,
  threadMessages,
} from '#tests/server/channels/webhookHelpers';
import { fuzzEndpoint, prng, randomBytes, type FuzzRequest } from '#tests/server/channels/webhookFuzz';

function lineText(o: { userId: string; id: string; text: string; ts: number; redelivery?: boolean }): string {
  return JSON.stringify({
    destination: 'U0123456789abcdef0123456789abcdef',
    events: [
      {
        type: 'message',
        message: { type: 'text', id: o.id, quoteToken: 'q', text: o.text },
        webhookEventId: `01H${o.id}`,
        deliveryContext: { isRedelivery: o.redelivery ?? false },
        timestamp: o.ts,
        source: { type: 'user', userId: o.userId },
        replyToken: 'r',
        mode: 'active',
      },
    ],
  });
}

describe('LINE webhook', () => {
  let app: TestApp;
  let admin: AgentClient;
  beforeAll(async () => {
    app = await startApp(channelEnv({ BODY_LIMIT: '8kb' }));
    admin = await adminOf(app);
  });
  afterAll(() => app.close());

  it('stores the message events of a signed batch, text byte-exact (other events skipped)', async () => {
    const before = messageCount(app.db);
    expect((await postLine(app, fixtureBytes('line-webhook.json'))).status).toBe(200);
    expect(messageCount(app.db)).toBe(before + 5);
    const thread = (await listAllThreads(admin)).find((t) => t.channels.includes('line'));
    const texts = (await threadMessages(admin, thread!.id)).map((m) => m.text);
    expect(texts).toContain('สวัสดีค่ะ 你好 Zażółć 🐻‍❄️');
  });

  it('answers LINE’s empty "Verify" batch with 200', async () => {
    const raw = JSON.stringify({ destination: 'U0', events: [] });
    expect((await postLine(app, raw)).status).toBe(200);
  });

  it('refuses missing and wrong signatures, storing nothing', async () => {
    const raw = lineText({ userId: 'Uforged', id: '1', text: 'forged', ts: Date.now() });
    const before = messageCount(app.db);
    expect((await postLine(app, raw, null)).status).toBe(401);
    expect((await postLine(app, raw, lineSignature(raw, 'other'))).status).toBe(403);
    expect((await postLine(app, `${raw} `, lineSignature(raw))).status).toBe(403);
    expect(messageCount(app.db)).toBe(before);
  });

  it('stores a redelivery once and orders by LINE’s timestamp', async () => {
    const t = Date.now() - 30_000;
    const before = messageCount(app.db);
    await postLine(app, lineText({ userId: 'Uorder', id: '9002', text: 'ค่ะ ขอบคุณ', ts: t + 2_000 }));
    await postLine(app, lineText({ userId: 'Uorder', id: '9002', text: 'ค่ะ ขอบคุณ', ts: t + 2_000, redelivery: true }));
    await postLine(app, lineText({ userId: 'Uorder', id: '9001', text: 'สั่งของไปแล้ว', ts: t }));
    expect(messageCount(app.db)).toBe(before + 2);
    const thread = (await listAllThreads(admin)).find((x) => x.customer.name === 'LINE user Uorder');
    expect((await threadMessages(admin, thread!.id)).map((m) => m.text)).toEqual(['สั่งของไปแล้ว', 'ค่ะ ขอบคุณ']);
  });

  it('answers 400 for malformed bodies and 413 for oversized ones', async () => {
    for (const raw of ['{', '{"events":{}}', '[]']) expect((await postLine(app, raw)).status).toBe(400);
    expect((await postLine(app, lineText({ userId: 'U1', id: '1', text: 'x'.repeat(10_000), ts: 1 }))).status).toBe(
      413,
    );
  });

  it('survives a few hundred fuzzed, correctly signed bodies without a 500', async () => {
    const rng = prng(17);
    const requests: FuzzRequest[] = fuzzInputs(19, [fixtureJson('line-webhook.json')], 300).map((v) => {
      const body = rng() < 0.1 ? randomBytes(rng) : Buffer.from(JSON.stringify(v) ?? '');
      return { body, headers: { 'content-type': 'application/json', 'x-line-signature': lineSignature(body) } };
    });
    const tally = await fuzzEndpoint(app, '/webhooks/line', requests);
    expect(tally[200]).toBeGreaterThan(30);
  });
});

describe('LINE channel off', () => {
  it('answers 404 when the channel secret is absent', async () => {
    const app = await startApp({});
    try {
      expect((await postLine(app, '{"events":[]}')).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
