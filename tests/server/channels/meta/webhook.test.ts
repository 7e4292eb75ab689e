import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import { fixtureBytes, fixtureJson, fuzzInputs, MIXED } from '#tests/server/channels/providerFixtures';
import { messagingText, metaJson, waText } from './payloads';
import {
  adminOf,
  channelEnv,
  listAllThreads,
  messageCount,
  metaSignature,
  postMeta,
  threadMessages,
  SECRETS,
} from '#tests/server/channels/webhookHelpers';
import { fuzzEndpoint, prng, randomBytes, type FuzzRequest } from '#tests/server/channels/webhookFuzz';

describe('Meta webhooks (WhatsApp Cloud API, Messenger, Instagram)', () => {
  let app: TestApp;
  let admin: AgentClient;
  beforeAll(async () => {
    app = await startApp(channelEnv({ BODY_LIMIT: '64kb' }));
    admin = await adminOf(app);
  });
  afterAll(() => app.close());

  it('answers the GET verification handshake only with the right token', async () => {
    const ok = await fetch(
      `${app.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=${SECRETS.META_VERIFY_TOKEN}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const bad = await fetch(`${app.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`);
    expect(bad.status).toBe(403);
  });

  it('verifies the raw escaped bytes: Thai, Chinese, Polish and emoji arrive byte-exact', async () => {
    const raw = fixtureBytes('meta-whatsapp-text.raw.json');
    expect((await postMeta(app, raw)).status).toBe(200);
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === 'สมชาย ใจดี');
    expect(thread?.channels).toEqual(['whatsapp']);
    const [msg] = await threadMessages(admin, thread!.id);
    expect(msg.text).toBe(`${MIXED} https://example.com/a/b`);
  });

  it('passes a Chinese-only body signed over Meta’s escaped bytes, and refuses the re-serialised one', async () => {
    const raw = metaJson(
      waText({ from: '8613800138000', id: 'wamid.zh1', body: '你好，我的订单在哪里？退款了吗', name: '王芳' }),
    );
    expect(raw).toContain('\\u4f60\\u597d');
    const reserialised = JSON.stringify(JSON.parse(raw));
    const before = messageCount(app.db);
    expect((await postMeta(app, reserialised, metaSignature(raw))).status).toBe(403);
    expect(messageCount(app.db)).toBe(before);
    expect((await postMeta(app, raw)).status).toBe(200);
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === '王芳');
    expect((await threadMessages(admin, thread!.id))[0].text).toBe('你好，我的订单在哪里？退款了吗');
  });

  it('refuses missing and wrong signatures, storing nothing', async () => {
    const raw = metaJson(waText({ from: '66811111111', id: 'wamid.nosig', body: 'hello' }));
    const before = messageCount(app.db);
    expect((await postMeta(app, raw, null)).status).toBe(401);
    expect((await postMeta(app, raw, metaSignature(raw, 'other-secret'))).status).toBe(403);
    expect((await postMeta(app, raw, 'sha256=zz')).status).toBe(403);
    expect(messageCount(app.db)).toBe(before);
  });

  it('stores a retried delivery once', async () => {
    const raw = metaJson(waText({ from: '66822222222', id: 'wamid.dup', body: 'once' }));
    const before = messageCount(app.db);
    for (let i = 0; i < 3; i++) expect((await postMeta(app, raw)).status).toBe(200);
    expect(messageCount(app.db)).toBe(before + 1);
  });

  it('orders out-of-order deliveries by the provider timestamp', async () => {
    const t0 = Date.now() - 60_000;
    await postMeta(
      app,
      metaJson(waText({ from: '48500100200', id: 'wamid.o2', body: 'second', ts: t0 + 5_000, name: 'Ordered' })),
    );
    await postMeta(
      app,
      metaJson(waText({ from: '48500100200', id: 'wamid.o1', body: 'first', ts: t0, name: 'Ordered' })),
    );
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === 'Ordered');
    expect((await threadMessages(admin, thread!.id)).map((m) => m.text)).toEqual(['first', 'second']);
    expect(thread!.lastMessagePreview).toBe('second');
  });

  it('stores Messenger and Instagram messages as their own identities', async () => {
    expect((await postMeta(app, JSON.stringify(fixtureJson('meta-messenger.json')))).status).toBe(200);
    expect((await postMeta(app, JSON.stringify(fixtureJson('meta-instagram.json')))).status).toBe(200);
    const threads = await listAllThreads(admin);
    const messenger = threads.find((t) => t.channels.includes('messenger'));
    const instagram = threads.find((t) => t.channels.includes('instagram'));
    expect(messenger && instagram && messenger.id !== instagram.id).toBe(true);
    expect((await threadMessages(admin, messenger!.id)).map((m) => m.text)).toContain('Zażółć gęślą jaźń 你好 สวัสดี 👋');
    const raw = metaJson(messagingText('instagram', { sender: '999000111', mid: 'ig.th1', text: 'ร้านเปิดกี่โมงคะ 🙏' }));
    expect((await postMeta(app, raw)).status).toBe(200);
  });

  it('answers 400 for malformed JSON and foreign envelopes, 413 for oversized bodies', async () => {
    for (const raw of ['{"object":', '[]', '{"object":"user","entry":[]}', '"x"']) {
      expect((await postMeta(app, raw)).status).toBe(400);
    }
    const big = metaJson(waText({ from: '66833333333', id: 'wamid.big', body: 'x'.repeat(70_000) }));
    expect((await postMeta(app, big)).status).toBe(413);
  });

  it('survives a few hundred fuzzed, correctly signed bodies without a 500', async () => {
    const fixtures = [
      'meta-whatsapp-messages.json',
      'meta-whatsapp-statuses.json',
      'meta-messenger.json',
      'meta-instagram.json',
    ].map(fixtureJson);
    const rng = prng(11);
    const requests: FuzzRequest[] = fuzzInputs(7, fixtures, 300).map((value) => {
      const body = rng() < 0.1 ? randomBytes(rng) : Buffer.from(value === undefined ? '' : metaJson(value));
      return { body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': metaSignature(body) } };
    });
    const tally = await fuzzEndpoint(app, '/webhooks/meta', requests);
    expect(tally[200]).toBeGreaterThan(50);
  });
});

describe('Meta channel off', () => {
  it('answers 404 for GET and POST when its settings are absent', async () => {
    const app = await startApp({});
    try {
      expect(
        (await fetch(`${app.url}/webhooks/meta?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status,
      ).toBe(404);
      expect((await postMeta(app, '{}')).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
