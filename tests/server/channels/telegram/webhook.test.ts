import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import { fixtureBytes, fixtureJson, fuzzInputs, formParams } from '#tests/server/channels/providerFixtures';
import {
  adminOf,
  channelEnv,
  listAllThreads,
  messageCount,
  postTelegram,
  postTwilio,
  threadMessages,
} from '#tests/server/channels/webhookHelpers';
import { fuzzEndpoint, prng, randomBytes, type FuzzRequest } from '#tests/server/channels/webhookFuzz';

function update(o: {
  updateId: number;
  userId: number;
  messageId: number;
  text: string;
  date: number;
  first?: string;
}): string {
  const from = { id: o.userId, is_bot: false, first_name: o.first ?? 'Tester' };
  return JSON.stringify({
    update_id: o.updateId,
    message: { message_id: o.messageId, from, chat: { ...from, type: 'private' }, date: o.date, text: o.text },
  });
}

describe('Telegram webhook', () => {
  let app: TestApp;
  let admin: AgentClient;
  beforeAll(async () => {
    app = await startApp(channelEnv({ BODY_LIMIT: '8kb' }));
    admin = await adminOf(app);
  });
  afterAll(() => app.close());

  it('stores an update with the right secret token, text byte-exact', async () => {
    const res = await postTelegram(app, fixtureBytes('telegram-message.json'));
    expect(res.status).toBe(200);
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === 'Łucja Nowak');
    expect(thread?.channels).toEqual(['telegram']);
    expect((await threadMessages(admin, thread!.id))[0].text).toBe('สวัสดี 你好 Zażółć gęślą jaźń 👩🏽‍💻');
  });

  it('refuses a missing or wrong secret token, storing nothing', async () => {
    const raw = update({ updateId: 9, userId: 777, messageId: 1, text: 'forged', date: 1749416800 });
    const before = messageCount(app.db);
    expect((await postTelegram(app, raw, null)).status).toBe(401);
    expect((await postTelegram(app, raw, 'wrong')).status).toBe(403);
    expect((await postTelegram(app, raw, '')).status).toBe(403);
    expect(messageCount(app.db)).toBe(before);
  });

  it('stores a repeated update once, keeps edits as a record, orders by Telegram’s date', async () => {
    const t = Math.floor(Date.now() / 1000) - 100;
    const second = update({ updateId: 101, userId: 4242, messageId: 11, text: 'second', date: t + 10, first: 'Order' });
    const first = update({ updateId: 100, userId: 4242, messageId: 10, text: 'first', date: t, first: 'Order' });
    const before = messageCount(app.db);
    expect((await postTelegram(app, second)).status).toBe(200);
    expect((await postTelegram(app, second)).status).toBe(200);
    expect((await postTelegram(app, first)).status).toBe(200);
    expect(messageCount(app.db)).toBe(before + 2);
    const thread = (await listAllThreads(admin)).find((x) => x.customer.name === 'Order');
    expect((await threadMessages(admin, thread!.id)).map((m) => m.text)).toEqual(['first', 'second']);
  });

  it('links a user who shares their own phone number to the customer with that number', async () => {
    const sms = formParams(fixtureBytes('twilio-sms-inbound.form').toString('utf8')) as Record<string, string>;
    await postTwilio(app, '/webhooks/twilio', {
      ...sms,
      From: '+48601234567',
      MessageSid: 'SMtgphone',
      Body: 'SMS first',
    });
    const contact = fixtureJson('telegram-contact.json') as {
      message: { from: { id: number }; chat: { id: number }; contact: { user_id: number } };
    };
    contact.message.from.id = contact.message.chat.id = contact.message.contact.user_id = 99001;
    expect((await postTelegram(app, JSON.stringify(contact))).status).toBe(200);
    const linked = (await listAllThreads(admin)).filter(
      (x) => x.channels.includes('telegram') && x.channels.includes('sms'),
    );
    expect(linked).toHaveLength(1);
  });

  it('answers 400 for malformed or non-object JSON and 413 for oversized bodies', async () => {
    for (const raw of ['{', '[]', '42', 'null']) expect((await postTelegram(app, raw)).status).toBe(400);
    expect(
      (await postTelegram(app, update({ updateId: 1, userId: 1, messageId: 1, text: 'x'.repeat(10_000), date: 1 })))
        .status,
    ).toBe(413);
  });

  it('survives a few hundred fuzzed bodies with the right secret without a 500', async () => {
    const fixtures = [
      'telegram-message.json',
      'telegram-photo.json',
      'telegram-edited.json',
      'telegram-contact.json',
      'telegram-contact-other.json',
    ].map(fixtureJson);
    const rng = prng(5);
    const requests: FuzzRequest[] = fuzzInputs(13, fixtures, 300).map((v) => ({
      body: rng() < 0.1 ? randomBytes(rng) : (JSON.stringify(v) ?? ''),
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'telegram-test-secret_1' },
    }));
    const tally = await fuzzEndpoint(app, '/webhooks/telegram', requests);
    expect(tally[200]).toBeGreaterThan(50);
  });
});

describe('Telegram channel off', () => {
  it('answers 404 when the bot token or secret token is absent', async () => {
    const app = await startApp({ TELEGRAM_BOT_TOKEN: '123:abc' });
    try {
      expect((await postTelegram(app, '{}', 'x')).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
