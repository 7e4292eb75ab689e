import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { fixtureBytes, formParams } from '#tests/server/channels/providerFixtures';
import { metaJson, messagingText, waStatus, waText } from '#tests/server/channels/meta/payloads';
import {
  adminOf,
  channelEnv,
  eventually,
  listAllThreads,
  postLine,
  postMeta,
  postTelegram,
  postTwilio,
  threadMessages,
} from '#tests/server/channels/webhookHelpers';
import type { Message } from '#shared/schemas/message';

const smsForm = () => formParams(fixtureBytes('twilio-sms-inbound.form').toString('utf8')) as Record<string, string>;

describe('outbound delivery through the providers’ APIs', () => {
  let rec: Recorder;
  let app: TestApp;
  let admin: AgentClient;
  beforeAll(async () => {
    rec = await startRecorder();
    const base = rec.url;
    app = await startApp(
      channelEnv({
        ...ALLOW_LOOPBACK_OUTBOUND,
        TWILIO_API_BASE: base,
        META_GRAPH_BASE: base,
        TELEGRAM_API_BASE: base,
        LINE_API_BASE: base,
      }),
    );
    admin = await adminOf(app);
  });
  afterAll(async () => {
    await app.close();
    await rec.close();
  });
  afterEach(() => {
    rec.calls.length = 0;
    rec.respond(() => ({ status: 200, json: {} }));
  });

  const threadOf = async (name: string) => (await listAllThreads(admin)).find((t) => t.customer.name === name)!;
  const reply = async (threadId: number, text: string): Promise<Message> => {
    const res = await admin.post(`/api/threads/${threadId}/replies`, { text });
    expect(res.status).toBe(201);
    return (await res.json()) as Message;
  };
  const messageNow = async (threadId: number, id: number) =>
    (await threadMessages(admin, threadId)).find((m) => m.id === id)!;
  const settled = (threadId: number, id: number, status: string) =>
    eventually(async () => {
      const m = await messageNow(threadId, id);
      return m.deliveryStatus === status ? m : null;
    });

  it('SMS: provider down, then up → delivered exactly once; status callbacks follow precedence', async () => {
    await postTwilio(app, '/webhooks/twilio', { ...smsForm(), From: '+66810000001', MessageSid: 'SMout1', Body: 'hi' });
    const thread = await threadOf('+66810000001');
    let n = 0;
    rec.respond(() =>
      ++n <= 2
        ? { status: 503, json: { code: 20500, message: 'Service unavailable' } }
        : { status: 201, json: { sid: 'SMreply0001', status: 'queued' } },
    );
    const msg = await reply(thread.id, 'Dziękujemy! ขอบคุณครับ 谢谢 🙏');
    const sent = await settled(thread.id, msg.id, 'sent');
    expect(rec.calls).toHaveLength(3);
    const call = rec.calls[2];
    expect(call.path).toBe(`/2010-04-01/Accounts/${channelEnv().TWILIO_ACCOUNT_SID}/Messages.json`);
    expect(call.headers.authorization).toBe(
      `Basic ${Buffer.from(`${channelEnv().TWILIO_ACCOUNT_SID}:${channelEnv().TWILIO_AUTH_TOKEN}`).toString('base64')}`,
    );
    const form = new URLSearchParams(call.body);
    expect([form.get('To'), form.get('From'), form.get('Body')]).toEqual([
      '+66810000001',
      '+14155550100',
      'Dziękujemy! ขอบคุณครับ 谢谢 🙏',
    ]);
    expect(form.get('StatusCallback')).toBe('https://braid.example.com/webhooks/twilio/status');
    expect(sent.deliveryError).toBeNull();

    const status = (s: string) =>
      postTwilio(app, '/webhooks/twilio/status', {
        MessageSid: 'SMreply0001',
        MessageStatus: s,
        From: '+14155550100',
        To: '+66810000001',
      });
    expect((await status('delivered')).status).toBe(204);
    expect((await status('sent')).status).toBe(204); // late "sent" must not win
    expect((await status('undelivered')).status).toBe(204); // nor a confused failure after delivery
    expect((await messageNow(thread.id, msg.id)).deliveryStatus).toBe('delivered');
    await new Promise((r) => setTimeout(r, 150));
    expect(rec.calls).toHaveLength(3); // nothing was sent twice
  });

  it('WhatsApp Cloud API: sends via the phone-number id; statuses read > sent', async () => {
    await postMeta(app, metaJson(waText({ from: '66810000002', id: 'wamid.in2', body: 'สวัสดี', name: 'Wa Now' })));
    const thread = await threadOf('Wa Now');
    rec.respond(() => ({
      status: 200,
      json: { messaging_product: 'whatsapp', contacts: [{ wa_id: '66810000002' }], messages: [{ id: 'wamid.OUT.2' }] },
    }));
    const msg = await reply(thread.id, 'ได้เลยครับ');
    await settled(thread.id, msg.id, 'sent');
    const call = rec.calls[0];
    expect(call.path).toBe('/v25.0/106540352242922/messages');
    expect(call.headers.authorization).toBe('Bearer meta-test-access-token');
    expect(JSON.parse(call.body)).toMatchObject({
      messaging_product: 'whatsapp',
      to: '66810000002',
      type: 'text',
      text: { body: 'ได้เลยครับ' },
    });
    await postMeta(app, metaJson(waStatus('wamid.OUT.2', 'read')));
    await postMeta(app, metaJson(waStatus('wamid.OUT.2', 'sent')));
    expect((await messageNow(thread.id, msg.id)).deliveryStatus).toBe('read');
  });

  it('WhatsApp outside the 24-hour window fails with a clear reason and calls no provider', async () => {
    const old = Date.now() - 30 * 60 * 60_000;
    await postMeta(
      app,
      metaJson(waText({ from: '66810000003', id: 'wamid.old3', body: 'old', name: 'Wa Old', ts: old })),
    );
    const thread = await threadOf('Wa Old');
    const msg = await reply(thread.id, 'Sorry for the wait');
    const failed = await settled(thread.id, msg.id, 'failed');
    expect(failed.deliveryError).toMatch(/outside the WhatsApp 24-hour customer-service window/);
    expect(failed.deliveryError).toMatch(/30 hours ago/);
    expect(rec.calls).toHaveLength(0);
  });

  it('LINE: the X-Line-Retry-Key stays the same across retries of one reply', async () => {
    const raw = JSON.stringify({
      destination: 'U0',
      events: [
        {
          type: 'message',
          message: { type: 'text', id: '77001', text: 'hi' },
          timestamp: Date.now(),
          source: { type: 'user', userId: 'Uline77' },
          replyToken: 'r',
          mode: 'active',
          webhookEventId: 'e',
          deliveryContext: { isRedelivery: false },
        },
      ],
    });
    await postLine(app, raw);
    const thread = await threadOf('LINE user …line77');
    let n = 0;
    rec.respond(() =>
      ++n === 1
        ? { status: 500, json: { message: 'internal' } }
        : { status: 200, json: { sentMessages: [{ id: `500000${n}`, quoteToken: 'q' }] } },
    );
    const msg = await reply(thread.id, 'ค่ะ');
    await settled(thread.id, msg.id, 'sent');
    expect(rec.calls).toHaveLength(2);
    const keys = rec.calls.map((c) => c.headers['x-line-retry-key']);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(rec.calls[1].body)).toEqual({ to: 'Uline77', messages: [{ type: 'text', text: 'ค่ะ' }] });
    const other = await reply(thread.id, 'second reply');
    await settled(thread.id, other.id, 'sent');
    expect(rec.calls[2].headers['x-line-retry-key']).not.toBe(keys[0]);
  });

  it('Telegram: sendMessage to the chat; a 429 with retry_after is retried', async () => {
    const from = { id: 880001, is_bot: false, first_name: 'Tg' };
    await postTelegram(
      app,
      JSON.stringify({
        update_id: 1,
        message: {
          message_id: 1,
          from,
          chat: { ...from, type: 'private' },
          date: Math.floor(Date.now() / 1000),
          text: 'hi',
        },
      }),
    );
    const thread = await threadOf('Tg');
    let n = 0;
    rec.respond(() =>
      ++n === 1
        ? {
            status: 429,
            json: {
              ok: false,
              error_code: 429,
              description: 'Too Many Requests: retry after 0',
              parameters: { retry_after: 0 },
            },
          }
        : { status: 200, json: { ok: true, result: { message_id: 2, chat: { id: 880001 }, date: 1, text: 'x' } } },
    );
    const msg = await reply(thread.id, 'Cześć!');
    await settled(thread.id, msg.id, 'sent');
    expect(rec.calls.map((c) => c.path)).toEqual([
      '/bot123456:test-bot-token/sendMessage',
      '/bot123456:test-bot-token/sendMessage',
    ]);
    expect(JSON.parse(rec.calls[1].body)).toEqual({ chat_id: '880001', text: 'Cześć!' });
  });

  it('Messenger: Send API to the page; a closed window is a permanent failure with Meta’s reason', async () => {
    await postMeta(app, JSON.stringify(messagingText('page', { sender: 'psid-55', mid: 'm_55', text: 'hello' })));
    const thread = await threadOf('Messenger user …sid-55');
    rec.respond(() => ({
      status: 400,
      json: { error: { message: 'window closed', code: 10, error_subcode: 2018278 } },
    }));
    const msg = await reply(thread.id, 'Hi!');
    const failed = await settled(thread.id, msg.id, 'failed');
    expect(failed.deliveryError).toMatch(/2018278/);
    expect(rec.calls[0].path).toBe('/v25.0/107624754265390/messages');
    expect(JSON.parse(rec.calls[0].body)).toEqual({
      recipient: { id: 'psid-55' },
      messaging_type: 'RESPONSE',
      // Echoed back in the message echo: ties it to this delivery attempt after a crash.
      message: { text: 'Hi!', metadata: expect.stringMatching(/^braid-outbox:\d+$/) },
    });
  });

  it('voicemail is answered by SMS, and that SMS’s status callbacks update the reply', async () => {
    const voice = formParams(fixtureBytes('twilio-voice-recording.form').toString('utf8')) as Record<string, string>;
    await postTwilio(app, '/webhooks/twilio/voice', {
      ...voice,
      From: '+66810000009',
      Caller: '+66810000009',
      RecordingSid: 'RE99999999999999999999999999999999',
    });
    const thread = await threadOf('+66810000009');
    rec.respond(() => ({ status: 201, json: { sid: 'SMvoice0001' } }));
    const msg = await reply(thread.id, 'We got your voicemail');
    await settled(thread.id, msg.id, 'sent');
    expect(new URLSearchParams(rec.calls[0].body).get('To')).toBe('+66810000009');
    await postTwilio(app, '/webhooks/twilio/status', {
      MessageSid: 'SMvoice0001',
      MessageStatus: 'delivered',
      From: '+14155550100',
      To: '+66810000009',
    });
    expect((await messageNow(thread.id, msg.id)).deliveryStatus).toBe('delivered');
  });
});
