import { createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseLineWebhook, verifyLineSignature } from '#server/channels/line/parse';
import { buildLineSend, parseLineSendResponse } from '#server/channels/line/send';
import { fixtureBytes, fixtureJson, fuzzInputs, isParsedWebhook } from '#tests/server/channels/providerFixtures';

const SECRET = '8c3b5d1f0a2e4c6b8d0f1a3c5e7b9d2f';

describe('verifyLineSignature', () => {
  const raw = fixtureBytes('line-webhook.json');
  const sig = createHmac('sha256', SECRET).update(raw).digest('base64');

  it('accepts base64 HMAC-SHA256 of the raw UTF-8 body', () => {
    expect(verifyLineSignature(SECRET, raw, sig)).toBe(true);
  });

  it('rejects re-serialised bodies, other secrets and junk headers without throwing', () => {
    const compact = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))));
    expect(verifyLineSignature(SECRET, compact, sig)).toBe(false);
    expect(verifyLineSignature('other', raw, sig)).toBe(false);
    expect(verifyLineSignature(SECRET, raw, undefined)).toBe(false);
    expect(verifyLineSignature(SECRET, raw, '!!')).toBe(false);
    expect(verifyLineSignature('', raw, sig)).toBe(false);
  });
});

describe('parseLineWebhook', () => {
  const { messages, statuses } = parseLineWebhook(fixtureJson('line-webhook.json'));

  it('turns message events into LINE messages and skips follow/unfollow', () => {
    expect(statuses).toEqual([]);
    expect(messages.map((m) => m.providerMessageId)).toEqual([
      '468789577898262530',
      '468789577898262531',
      '468789577898262532',
      '468789577898262533',
      '468789577898262534',
    ]);
    expect(messages.every((m) => m.channel === 'line' && m.from.address === 'U4af4980629a1b2c3d4e5f6a7b8c9d0e1')).toBe(
      true,
    );
  });

  it('text survives byte-exact and carries delivery facts in meta', () => {
    const expected = 'สวัสดีค่ะ 你好 Zażółć 🐻‍❄️';
    expect(messages[0].text).toBe(expected);
    expect(Buffer.from(messages[0].text).equals(Buffer.from(expected))).toBe(true);
    expect(messages[0].providerTs).toBe(1749416900000);
    expect(messages[0].meta).toMatchObject({
      webhookEventId: '01H810YECXQQZ37VAXPF6H9E6T',
      isRedelivery: false,
      replyToken: '38ef843bde154d9b91c21320ffd17a0f',
    });
    expect(messages[1].meta?.isRedelivery).toBe(true);
  });

  it('maps media, file, location and sticker messages', () => {
    expect(messages[1].attachments).toEqual([{ kind: 'image', providerMediaId: '468789577898262531' }]);
    expect(messages[2].attachments).toEqual([
      { kind: 'file', providerMediaId: '468789577898262532', name: 'ใบแจ้งหนี้.pdf', size: 2138 },
    ]);
    expect(messages[3].attachments).toEqual([{ kind: 'location', name: 'สยามพารากอน' }]);
    expect(messages[3].meta?.location).toMatchObject({ latitude: 13.746, longitude: 100.535 });
    expect(messages[4].attachments).toEqual([{ kind: 'sticker', providerMediaId: '11537/52002734', name: 'cony' }]);
  });

  it('uses the external content URL when the sender hosts the media', () => {
    const body = {
      events: [
        {
          type: 'message',
          timestamp: 1,
          source: { type: 'user', userId: 'U1' },
          message: {
            id: '9',
            type: 'video',
            duration: 60000,
            contentProvider: { type: 'external', originalContentUrl: 'https://cdn.example.com/v.mp4' },
          },
        },
      ],
    };
    expect(parseLineWebhook(body).messages[0].attachments[0]).toEqual({
      kind: 'video',
      providerMediaId: '9',
      url: 'https://cdn.example.com/v.mp4',
    });
  });
});

describe('LINE outbound', () => {
  it('builds a push with bearer auth and X-Line-Retry-Key', () => {
    const key = randomUUID();
    const req = buildLineSend(
      { apiBase: 'https://api.line.me', accessToken: 'tok' },
      { to: 'U4af4980629a1b2c3d4e5f6a7b8c9d0e1', text: 'ขอบคุณค่ะ 🙏', retryKey: key },
    );
    expect(req.url).toBe('https://api.line.me/v2/bot/message/push');
    expect(req.headers).toMatchObject({
      Authorization: 'Bearer tok',
      'X-Line-Retry-Key': key,
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(req.body)).toEqual({
      to: 'U4af4980629a1b2c3d4e5f6a7b8c9d0e1',
      messages: [{ type: 'text', text: 'ขอบคุณค่ะ 🙏' }],
    });
    expect(() =>
      buildLineSend(
        { apiBase: 'https://api.line.me', accessToken: 'tok' },
        { to: 'U1', text: 'x', retryKey: 'not-a-uuid' },
      ),
    ).toThrow(/UUID/);
  });

  it('classifies responses, treating 409 (retry key already accepted) as success', () => {
    expect(
      parseLineSendResponse(200, { sentMessages: [{ id: '461230966842064897', quoteToken: 'IStG5h1Tz7b...' }] }),
    ).toEqual({ ok: true, providerMessageId: '461230966842064897' });
    expect(
      parseLineSendResponse(
        409,
        { message: 'The retry key is already accepted' },
        { 'x-line-accepted-request-id': 'abcd-1234' },
      ),
    ).toEqual({ ok: true, providerMessageId: 'request:abcd-1234' });
    expect(
      parseLineSendResponse(409, { message: 'The retry key is already accepted', sentMessages: [{ id: '77' }] }),
    ).toEqual({ ok: true, providerMessageId: '77' });
    expect(
      parseLineSendResponse(429, { message: 'The API rate limit has been exceeded. Try again later.' }),
    ).toMatchObject({ ok: false, retryable: true });
    expect(parseLineSendResponse(429, { message: 'You have reached your monthly limit.' })).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(
      parseLineSendResponse(400, {
        message: 'The request body has 1 error(s)',
        details: [{ message: 'May not be empty', property: 'messages[0].text' }],
      }),
    ).toEqual({
      ok: false,
      retryable: false,
      error: '400: The request body has 1 error(s) (messages[0].text: May not be empty)',
    });
    expect(parseLineSendResponse(500, null)).toMatchObject({ ok: false, retryable: true });
  });
});

describe('parseLineWebhook never throws', () => {
  it('survives 200 fuzzed inputs', () => {
    for (const input of fuzzInputs(0x11e5, [fixtureJson('line-webhook.json')])) {
      const result = parseLineWebhook(input);
      expect(isParsedWebhook(result)).toBe(true);
      for (const m of result.messages) expect(m.from.address.length).toBeGreaterThan(0);
    }
  });
});
