import { describe, expect, it } from 'vitest';
import { parseTelegramUpdate, verifyTelegramSecret } from '#server/channels/telegram/parse';
import { buildTelegramSend, parseTelegramSendResponse } from '#server/channels/telegram/send';
import { fixtureBytes, fixtureJson, fuzzInputs, isParsedWebhook } from '#tests/server/channels/providerFixtures';

describe('verifyTelegramSecret', () => {
  it('compares X-Telegram-Bot-Api-Secret-Token in constant time and never throws on length mismatch', () => {
    const secret = 'braid_S3cret-token';
    expect(verifyTelegramSecret(secret, secret)).toBe(true);
    expect(verifyTelegramSecret(secret, 'braid_S3cret-tokem')).toBe(false);
    expect(verifyTelegramSecret(secret, 'short')).toBe(false);
    expect(verifyTelegramSecret(secret, `${secret}-and-much-longer`)).toBe(false);
    expect(verifyTelegramSecret(secret, '')).toBe(false);
    expect(verifyTelegramSecret(secret, undefined)).toBe(false);
    expect(verifyTelegramSecret('', '')).toBe(false);
  });
});

describe('parseTelegramUpdate', () => {
  it('parses a private text message; text survives byte-exact', () => {
    const raw = fixtureBytes('telegram-message.json');
    const expected = 'สวัสดี 你好 Zażółć gęślą jaźń 👩🏽‍💻';
    const { messages, statuses } = parseTelegramUpdate(JSON.parse(raw.toString('utf8')));
    expect(statuses).toEqual([]);
    expect(messages).toEqual([
      {
        channel: 'telegram',
        transport: 'telegram',
        providerMessageId: '524287001:4521',
        from: { address: '524287001', displayName: 'Łucja Nowak', phone: undefined },
        text: expected,
        attachments: [],
        providerTs: 1749416800000,
        replyFacts: { chatId: '524287001' },
        meta: {
          chatType: 'private',
          messageId: '4521',
          updateId: '815320181',
          username: 'lucja_n',
          languageCode: 'pl',
        },
      },
    ]);
    expect(Buffer.from(messages[0].text).equals(Buffer.from(expected))).toBe(true);
  });

  it('keeps an edit as a new note keyed by edit_date, linked to the original', () => {
    const original = parseTelegramUpdate(fixtureJson('telegram-message.json')).messages[0];
    const edit = parseTelegramUpdate(fixtureJson('telegram-edited.json')).messages[0];
    expect(edit.providerMessageId).toBe('524287001:4521:edit:1749416860');
    expect(edit.providerMessageId).not.toBe(original.providerMessageId);
    expect(edit.meta).toMatchObject({ edited: true, editOf: original.providerMessageId });
    expect(edit.providerTs).toBe(1749416860000);
    expect(edit.text).toBe('สวัสดีค่ะ (edited)');
  });

  it('redelivery of the same update gives the same providerMessageId', () => {
    const a = parseTelegramUpdate(fixtureJson('telegram-message.json')).messages[0];
    const b = parseTelegramUpdate(fixtureJson('telegram-message.json')).messages[0];
    expect(a.providerMessageId).toBe(b.providerMessageId);
  });

  it('picks the largest photo size and uses the caption as text', () => {
    const m = parseTelegramUpdate(fixtureJson('telegram-photo.json')).messages[0];
    expect(m.text).toBe('Uszkodzona paczka 📦');
    expect(m.attachments).toEqual([{ kind: 'image', providerMediaId: 'AgACAgIAAxkBAAIBZ2Large', size: 80512 }]);
  });

  it('links the phone only when the user shared their own contact', () => {
    const own = parseTelegramUpdate(fixtureJson('telegram-contact.json')).messages[0];
    expect(own.from.phone).toBe('+48601234567');
    expect(own.attachments[0]).toMatchObject({ kind: 'contact', name: 'Łucja Nowak' });
    const other = parseTelegramUpdate(fixtureJson('telegram-contact-other.json')).messages[0];
    expect(other.from.phone).toBeUndefined();
    expect(other.attachments[0]).toMatchObject({ kind: 'contact', name: 'Jan' });
  });

  it('maps document, voice, audio, video, sticker and location', () => {
    const base = fixtureJson('telegram-message.json') as { message: Record<string, unknown> };
    const withMsg = (extra: Record<string, unknown>) =>
      parseTelegramUpdate({ update_id: 1, message: { ...base.message, text: undefined, ...extra } }).messages[0];
    expect(
      withMsg({ document: { file_id: 'D1', file_name: 'umowa.pdf', mime_type: 'application/pdf', file_size: 10 } })
        .attachments[0],
    ).toEqual({ kind: 'file', providerMediaId: 'D1', mimeType: 'application/pdf', size: 10, name: 'umowa.pdf' });
    expect(withMsg({ voice: { file_id: 'V1', duration: 3, mime_type: 'audio/ogg' } }).attachments[0]).toMatchObject({
      kind: 'audio',
      providerMediaId: 'V1',
    });
    expect(withMsg({ audio: { file_id: 'A1', title: 'Song' } }).attachments[0]).toMatchObject({
      kind: 'audio',
      name: 'Song',
    });
    expect(withMsg({ video: { file_id: 'VI1', width: 1, height: 1, duration: 1 } }).attachments[0]).toMatchObject({
      kind: 'video',
    });
    expect(withMsg({ sticker: { file_id: 'S1', emoji: '😀', type: 'regular' } }).attachments[0]).toMatchObject({
      kind: 'sticker',
      name: '😀',
    });
    const loc = withMsg({ location: { latitude: 13.7, longitude: 100.5 } });
    expect(loc.attachments[0]).toEqual({ kind: 'location', name: '13.7,100.5' });
    expect(loc.meta?.location).toEqual({ latitude: 13.7, longitude: 100.5 });
  });

  it('ignores other update kinds and bot senders', () => {
    expect(parseTelegramUpdate({ update_id: 2, callback_query: { id: '1' } }).messages).toEqual([]);
    const bot = fixtureJson('telegram-message.json') as { message: { from: Record<string, unknown> } };
    bot.message.from.is_bot = true;
    expect(parseTelegramUpdate(bot).messages).toEqual([]);
  });
});

describe('Telegram outbound', () => {
  it('builds sendMessage', () => {
    const req = buildTelegramSend(
      { apiBase: 'https://api.telegram.org/', botToken: '123:ABC' },
      { chatId: 524287001, text: 'Dzięki! 🙏' },
    );
    expect(req).toEqual({
      url: 'https://api.telegram.org/bot123:ABC/sendMessage',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ chat_id: 524287001, text: 'Dzięki! 🙏' }),
    });
  });

  it('classifies responses', () => {
    expect(
      parseTelegramSendResponse(200, { ok: true, result: { message_id: 4530, chat: { id: 524287001 }, date: 1 } }),
    ).toEqual({ ok: true, providerMessageId: '524287001:4530' });
    expect(
      parseTelegramSendResponse(429, {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 35',
        parameters: { retry_after: 35 },
      }),
    ).toEqual({ ok: false, retryable: true, error: '429: Too Many Requests: retry after 35', retryAfterMs: 35000 });
    expect(
      parseTelegramSendResponse(403, {
        ok: false,
        error_code: 403,
        description: 'Forbidden: bot was blocked by the user',
      }),
    ).toMatchObject({ ok: false, retryable: false });
    expect(
      parseTelegramSendResponse(400, {
        ok: false,
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -1001234567890 },
      }),
    ).toMatchObject({ retryable: false, error: expect.stringContaining('-1001234567890') });
    expect(parseTelegramSendResponse(502, null)).toMatchObject({ ok: false, retryable: true });
  });
});

describe('parseTelegramUpdate never throws', () => {
  it('survives 200 fuzzed inputs', () => {
    const fixtures = [
      'telegram-message.json',
      'telegram-edited.json',
      'telegram-photo.json',
      'telegram-contact.json',
    ].map(fixtureJson);
    for (const input of fuzzInputs(0x7e1e, fixtures)) {
      const result = parseTelegramUpdate(input);
      expect(isParsedWebhook(result)).toBe(true);
      for (const m of result.messages) expect(m.providerMessageId).toMatch(/^.+:.+/);
    }
  });
});
