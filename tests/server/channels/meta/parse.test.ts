import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  isMetaWebhookShape,
  parseMetaWebhook,
  verifyMetaChallenge,
  verifyMetaSignature,
} from '#server/channels/meta/parse';
import { buildMetaSend, parseMetaSendResponse } from '#server/channels/meta/send';
import { MIXED, fixtureBytes, fixtureJson, fuzzInputs, isParsedWebhook } from '#tests/server/channels/providerFixtures';

const SECRET = '3b9f1c0d2e4a5b6c7d8e9f0a1b2c3d4e';
const sign = (body: Buffer) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('verifyMetaSignature', () => {
  const raw = fixtureBytes('meta-whatsapp-text.raw.json');

  it('the fixture is what Meta sends: ASCII only, Thai/Chinese/emoji as \\uXXXX escapes', () => {
    expect(raw.every((b) => b < 0x80)).toBe(true);
    expect(raw.toString('latin1')).toContain('\\u0e2a\\u0e27\\u0e31\\u0e2a\\u0e14\\u0e35');
    expect(raw.toString('latin1')).toContain('\\u4f60\\u597d');
    expect(raw.toString('latin1')).toContain('\\ud83d\\udc4d');
  });

  it('accepts the signature over the raw bytes', () => {
    expect(verifyMetaSignature(SECRET, raw, sign(raw))).toBe(true);
    expect(verifyMetaSignature(SECRET, raw, sign(raw).toUpperCase().replace('SHA256=', 'sha256='))).toBe(true);
  });

  it('rejects the same payload once re-serialised (JSON.stringify(JSON.parse(raw)) changes the bytes)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    expect(reserialised.equals(raw)).toBe(false);
    expect(verifyMetaSignature(SECRET, reserialised, sign(raw))).toBe(false);
  });

  it('rejects wrong secrets, malformed headers and non-Buffer bodies without throwing', () => {
    expect(verifyMetaSignature('wrong', raw, sign(raw))).toBe(false);
    expect(verifyMetaSignature(SECRET, raw, undefined)).toBe(false);
    expect(verifyMetaSignature(SECRET, raw, 'sha1=abc')).toBe(false);
    expect(verifyMetaSignature(SECRET, raw, 'sha256=zz')).toBe(false);
    expect(verifyMetaSignature(SECRET, raw.toString() as unknown as Buffer, sign(raw))).toBe(false);
  });
});

describe('verifyMetaChallenge', () => {
  it('echoes hub.challenge only for subscribe + matching token', () => {
    const q = { 'hub.mode': 'subscribe', 'hub.verify_token': 'meatyhamhock', 'hub.challenge': '1158201444' };
    expect(verifyMetaChallenge(q, 'meatyhamhock')).toBe('1158201444');
    expect(
      verifyMetaChallenge({ hub: { mode: 'subscribe', verify_token: 'meatyhamhock', challenge: '7' } }, 'meatyhamhock'),
    ).toBe('7');
    expect(verifyMetaChallenge({ ...q, 'hub.verify_token': 'nope' }, 'meatyhamhock')).toBeNull();
    expect(verifyMetaChallenge({ ...q, 'hub.mode': 'unsubscribe' }, 'meatyhamhock')).toBeNull();
    expect(verifyMetaChallenge(q, '')).toBeNull();
    expect(verifyMetaChallenge(null, 'meatyhamhock')).toBeNull();
  });
});

describe('parseMetaWebhook: WhatsApp Cloud API', () => {
  it('parses the escaped raw fixture; text survives byte-exact', () => {
    const { messages } = parseMetaWebhook(JSON.parse(fixtureBytes('meta-whatsapp-text.raw.json').toString('utf8')));
    expect(messages).toHaveLength(1);
    const m = messages[0];
    expect(m).toMatchObject({ channel: 'whatsapp', transport: 'meta', providerTs: 1749416383000 });
    expect(m.from).toMatchObject({ address: '+66812345678', displayName: 'สมชาย ใจดี' });
    expect(m.text).toBe(`${MIXED} https://example.com/a/b`);
    expect(Buffer.from(m.text).equals(Buffer.from(`${MIXED} https://example.com/a/b`))).toBe(true);
    expect(m.replyFacts).toEqual({ phoneNumberId: '106540352242922', addressKind: 'phone' });
  });

  it('parses every documented message type', () => {
    const { messages } = parseMetaWebhook(fixtureJson('meta-whatsapp-messages.json'));
    const byType = Object.fromEntries(messages.map((m) => [m.meta?.type as string, m]));
    expect(byType.image).toMatchObject({
      text: 'ใบเสร็จ 🧾',
      attachments: [{ kind: 'image', providerMediaId: '1003383421387256', mimeType: 'image/jpeg' }],
    });
    expect(byType.audio.attachments[0]).toMatchObject({ kind: 'audio' });
    expect(byType.audio.meta?.voiceNote).toBe(true);
    expect(byType.document).toMatchObject({
      text: 'Faktura',
      attachments: [{ kind: 'file', name: 'faktura-2024-ż.pdf' }],
    });
    expect(byType.sticker.attachments[0].kind).toBe('sticker');
    expect(byType.location.attachments[0]).toMatchObject({ kind: 'location', name: 'สาขาอโศก' });
    expect(byType.location.meta?.location).toMatchObject({ latitude: 13.7367, longitude: 100.5232 });
    expect(byType.contacts.attachments[0]).toMatchObject({ kind: 'contact', name: '王小明' });
    expect(byType.contacts.from.phone).toBe('+66812345678');
    const interactive = messages.filter((m) => m.meta?.type === 'interactive');
    expect(interactive.map((m) => m.text)).toEqual(['Zmień zamówienie', 'ไซส์ M']);
    expect(interactive[0].meta?.replyTo).toMatch(/^wamid\./);
    expect(byType.button).toMatchObject({
      text: '是的',
      meta: expect.objectContaining({ buttonPayload: 'YES_PLEASE' }),
    });
    expect(byType.reaction).toMatchObject({ text: '❤️' });
    expect(byType.unsupported.meta).toMatchObject({ unsupported: true, errors: expect.stringContaining('131051') });
    // The second reaction has an empty emoji (reaction removed) and is dropped.
    expect(messages).toHaveLength(11);
    expect(messages.every((m) => m.providerTs !== null && m.from.displayName === 'สมชาย ใจดี')).toBe(true);
  });

  it('parses statuses, including 131047 as a clear 24-hour-window failure', () => {
    const { statuses, messages } = parseMetaWebhook(fixtureJson('meta-whatsapp-statuses.json'));
    expect(messages).toEqual([]);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read', 'failed', 'failed']);
    expect(statuses[0]).toEqual({
      channel: 'whatsapp',
      providerMessageId: 'wamid.OUT1',
      status: 'sent',
      providerTs: 1749416500000,
    });
    expect(statuses[3].error).toMatch(/131047.*24 hours/);
    expect(statuses[4].error).toBe('131026: Message Undeliverable.');
  });

  it('uses the business-scoped user id when the phone number is withheld', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          changes: [
            {
              field: 'messages',
              value: {
                contacts: [{ profile: { name: 'Bob' }, user_id: 'US.13491208655302741918' }],
                messages: [
                  {
                    from_user_id: 'US.13491208655302741918',
                    id: 'wamid.X',
                    timestamp: '1749416383',
                    type: 'text',
                    text: { body: 'hi' },
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    const m = parseMetaWebhook(body).messages[0];
    expect(m.from).toMatchObject({ address: 'US.13491208655302741918', displayName: 'Bob' });
    expect(m.meta).toMatchObject({ bsuid: 'US.13491208655302741918' });
    expect(m.replyFacts).toMatchObject({ addressKind: 'bsuid' });
  });
});

describe('parseMetaWebhook: Messenger and Instagram', () => {
  it('Messenger: messages, stickers, postbacks and delivery receipts; echoes ignored', () => {
    const { messages, statuses } = parseMetaWebhook(fixtureJson('meta-messenger.json'));
    expect(messages.map((m) => m.providerMessageId)).toEqual([
      expect.stringMatching(/^m_AG5/),
      'm_ATTACH1',
      'm_POSTBACK1',
    ]);
    expect(messages[0]).toMatchObject({
      channel: 'messenger',
      from: { address: '6786745638052362' },
      text: 'Zażółć gęślą jaźń 你好 สวัสดี 👋',
      providerTs: 1749416600000,
    });
    expect(messages[0].replyFacts?.pageId).toBe('107624754265390');
    expect(messages[1].attachments.map((a) => a.kind)).toEqual(['image', 'sticker']);
    expect(messages[2]).toMatchObject({
      text: 'Talk to an agent',
      replyFacts: { pageId: '107624754265390' },
      meta: { postbackPayload: 'AGENT' },
    });
    // delivery with mids → two statuses; read with only a watermark cannot be tied to a message.
    expect(statuses).toEqual([
      { channel: 'messenger', providerMessageId: 'm_OUT1', status: 'delivered', providerTs: 1749416603000 },
      { channel: 'messenger', providerMessageId: 'm_OUT2', status: 'delivered', providerTs: 1749416603000 },
    ]);
  });

  it('Instagram: IGSID sender, share attachment kept as a link, read receipt by mid, echo and unsend ignored', () => {
    const { messages, statuses } = parseMetaWebhook(fixtureJson('meta-instagram.json'));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({
      channel: 'instagram',
      from: { address: '1254459154682919' },
      text: 'ร้านเปิดกี่โมงคะ 🙏',
    });
    expect(messages[1].attachments[0]).toMatchObject({
      kind: 'file',
      name: 'share',
      url: expect.stringContaining('lookaside'),
    });
    expect(statuses).toEqual([
      { channel: 'instagram', providerMessageId: 'ig_MID_OUT1', status: 'read', providerTs: 1749416703000 },
    ]);
  });
});

describe('isMetaWebhookShape', () => {
  it('accepts the three envelopes and rejects everything else', () => {
    for (const f of ['meta-whatsapp-messages.json', 'meta-messenger.json', 'meta-instagram.json'])
      expect(isMetaWebhookShape(fixtureJson(f))).toBe(true);
    for (const bad of [
      null,
      'x',
      [],
      {},
      { object: 'user', entry: [] },
      { object: 'page' },
      { object: 'page', entry: {} },
    ])
      expect(isMetaWebhookShape(bad)).toBe(false);
  });
});

describe('Meta outbound', () => {
  const cfg = { graphBase: 'https://graph.facebook.com/', accessToken: 'EAAtoken', phoneNumberId: '106540352242922' };

  it('builds a WhatsApp Cloud API text send', () => {
    const req = buildMetaSend(cfg, { channel: 'whatsapp', to: '+66812345678', text: MIXED });
    expect(req.url).toBe('https://graph.facebook.com/v25.0/106540352242922/messages');
    expect(req.headers.Authorization).toBe('Bearer EAAtoken');
    expect(JSON.parse(req.body)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '66812345678',
      type: 'text',
      text: { preview_url: false, body: MIXED },
    });
    expect(() =>
      buildMetaSend({ ...cfg, phoneNumberId: undefined }, { channel: 'whatsapp', to: '+1', text: 'x' }),
    ).toThrow(/PHONE_NUMBER_ID/);
  });

  it('builds Messenger / Instagram Send API requests', () => {
    const req = buildMetaSend(cfg, { channel: 'messenger', to: '6786745638052362', text: 'Cześć' });
    expect(req.url).toBe('https://graph.facebook.com/v25.0/me/messages');
    expect(JSON.parse(req.body)).toEqual({
      recipient: { id: '6786745638052362' },
      messaging_type: 'RESPONSE',
      message: { text: 'Cześć' },
    });
    expect(
      buildMetaSend({ ...cfg, pageId: '1076', graphVersion: 'v24.0' }, { channel: 'instagram', to: '1', text: 'x' })
        .url,
    ).toBe('https://graph.facebook.com/v24.0/1076/messages');
  });

  it('classifies responses', () => {
    expect(
      parseMetaSendResponse(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: '66812345678', wa_id: '66812345678' }],
        messages: [{ id: 'wamid.OK' }],
      }),
    ).toEqual({ ok: true, providerMessageId: 'wamid.OK' });
    expect(parseMetaSendResponse(200, { recipient_id: '1', message_id: 'm_OK' })).toEqual({
      ok: true,
      providerMessageId: 'm_OK',
    });
    const window = parseMetaSendResponse(400, {
      error: {
        message: '(#131047) Re-engagement message',
        type: 'OAuthException',
        code: 131047,
        error_data: {
          messaging_product: 'whatsapp',
          details:
            'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
        },
        fbtrace_id: 'A',
      },
    });
    expect(window).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('24-hour') });
    expect(
      parseMetaSendResponse(400, { error: { message: 'outside window', code: 10, error_subcode: 2018278 } }),
    ).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('Messenger 24-hour') });
    expect(parseMetaSendResponse(400, { error: { message: '(#130429) Rate limit hit', code: 130429 } })).toMatchObject({
      ok: false,
      retryable: true,
    });
    expect(parseMetaSendResponse(400, { error: { message: 'Pair rate limit', code: 131056 } })).toMatchObject({
      retryable: true,
    });
    expect(parseMetaSendResponse(500, { error: { message: 'Unknown', code: 1 } })).toMatchObject({ retryable: true });
    expect(parseMetaSendResponse(400, { error: { message: 'Temp', code: 999, is_transient: true } })).toMatchObject({
      retryable: true,
    });
    expect(
      parseMetaSendResponse(400, {
        error: { message: 'Invalid parameter', code: 100, error_data: { details: 'bad to' } },
      }),
    ).toMatchObject({ retryable: false, error: '100: bad to' });
    expect(parseMetaSendResponse(502, 'Bad gateway')).toMatchObject({ ok: false, retryable: true });
  });
});

describe('parseMetaWebhook never throws', () => {
  it('survives 200 fuzzed inputs and only emits contract-shaped results', () => {
    const fixtures = [
      'meta-whatsapp-messages.json',
      'meta-whatsapp-statuses.json',
      'meta-messenger.json',
      'meta-instagram.json',
    ].map(fixtureJson);
    for (const input of fuzzInputs(0x3e7a, fixtures)) {
      const result = parseMetaWebhook(input);
      expect(isParsedWebhook(result)).toBe(true);
      for (const m of result.messages) {
        expect(typeof m.providerMessageId).toBe('string');
        expect(typeof m.from.address).toBe('string');
        expect(typeof m.text).toBe('string');
      }
      expect(() => isMetaWebhookShape(input)).not.toThrow();
    }
  });
});
