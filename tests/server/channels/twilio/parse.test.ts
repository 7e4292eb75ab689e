import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  computeTwilioSignature,
  parseTwilioMessaging,
  parseTwilioStatus,
  parseTwilioVoice,
  verifyTwilioSignature,
} from '#server/channels/twilio/parse';
import { buildTwilioSend, parseTwilioSendResponse } from '#server/channels/twilio/send';
import { MIXED, fixtureBytes, formParams, fuzzInputs, isParsedWebhook } from '#tests/server/channels/providerFixtures';

const TOKEN = 'f1e2d3c4b5a6978812345678abcdef01';
const URL_ = 'https://braid.example.com/webhooks/twilio';
const form = (name: string) => formParams(fixtureBytes(name).toString('utf8'));

/** Twilio's documented algorithm, written independently of the module under test. */
function referenceSignature(token: string, url: string, pairs: [string, string][]): string {
  const sorted = [...pairs].sort(([ka, va], [kb, vb]) =>
    ka === kb ? (va < vb ? -1 : va > vb ? 1 : 0) : ka < kb ? -1 : 1,
  );
  const data = url + sorted.map(([k, v]) => k + v).join('');
  return createHmac('sha1', token).update(Buffer.from(data, 'utf8')).digest('base64');
}

describe('Twilio signatures', () => {
  it('matches the worked example in Twilio security docs', () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    expect(computeTwilioSignature('12345', url, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(verifyTwilioSignature('12345', url, params, '0/KCTR6DLpKmkAf8muzZqo1nDgQ=')).toBe(true);
  });

  it('verifies a real inbound SMS body signed with node:crypto, including multilingual values', () => {
    const body = fixtureBytes('twilio-sms-inbound.form').toString('utf8');
    const pairs = [...new URLSearchParams(body)];
    const header = referenceSignature(TOKEN, URL_, pairs);
    expect(verifyTwilioSignature(TOKEN, URL_, formParams(body), header)).toBe(true);
    expect(computeTwilioSignature(TOKEN, URL_, formParams(body))).toBe(header);
  });

  it('sorts repeated parameter names by value', () => {
    const params = { b: 'x', a: ['2', '1'] };
    const header = referenceSignature(TOKEN, URL_, [
      ['b', 'x'],
      ['a', '2'],
      ['a', '1'],
    ]);
    expect(verifyTwilioSignature(TOKEN, URL_, params, header)).toBe(true);
  });

  it('rejects tampering, wrong URL, wrong token and missing/odd headers without throwing', () => {
    const params = form('twilio-sms-inbound.form');
    const good = computeTwilioSignature(TOKEN, URL_, params);
    expect(verifyTwilioSignature(TOKEN, URL_, { ...params, Body: 'changed' }, good)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, `${URL_}?x=1`, params, good)).toBe(false);
    expect(verifyTwilioSignature('other-token', URL_, params, good)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, URL_, params, undefined)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, URL_, params, '')).toBe(false);
    expect(verifyTwilioSignature(TOKEN, URL_, params, 'short')).toBe(false);
  });

  it('accepts the signature computed with or without the default port, like the SDKs', () => {
    const params = { From: '+66812345678' };
    const withPort = computeTwilioSignature(TOKEN, 'https://braid.example.com:443/webhooks/twilio', params);
    expect(verifyTwilioSignature(TOKEN, URL_, params, withPort)).toBe(true);
  });
});

describe('parseTwilioMessaging', () => {
  it('parses an SMS with media; text survives byte-exact', () => {
    const { messages, statuses } = parseTwilioMessaging(form('twilio-sms-inbound.form'));
    expect(statuses).toEqual([]);
    expect(messages).toHaveLength(1);
    const m = messages[0];
    expect(m.channel).toBe('sms');
    expect(m.transport).toBe('twilio');
    expect(m.providerMessageId).toBe('SM1f0e2a9c7b3d4e5f60718293a4b5c6d7');
    expect(m.from.address).toBe('+66812345678');
    expect(m.text).toBe(MIXED);
    expect(Buffer.from(m.text, 'utf8').equals(Buffer.from(MIXED, 'utf8'))).toBe(true);
    expect(m.providerTs).toBeNull();
    expect(m.attachments).toHaveLength(2);
    expect(m.attachments[0]).toMatchObject({ kind: 'image', mimeType: 'image/jpeg' });
    expect(m.attachments[0].url).toMatch(/^https:\/\/api\.twilio\.com\/.+\/Media\/ME1+$/);
    expect(m.attachments[1]).toMatchObject({ kind: 'file', mimeType: 'application/pdf' });
  });

  it('maps whatsapp:+E164 to the whatsapp channel with the profile name', () => {
    const m = parseTwilioMessaging(form('twilio-whatsapp-inbound.form')).messages[0];
    expect(m.channel).toBe('whatsapp');
    expect(m.from).toMatchObject({ address: '+48601234567', displayName: 'Krystyna Wójcik 🌸' });
    expect(m.text).toBe('Dzień dobry, gdzie jest moja paczka? 📦');
    expect(m.meta?.waId).toBe('48601234567');
  });

  it('ignores payloads without sender or sid', () => {
    expect(parseTwilioMessaging({ Body: 'hi' }).messages).toEqual([]);
    expect(parseTwilioMessaging({ From: '+1', Body: 'hi' }).messages).toEqual([]);
  });
});

describe('parseTwilioStatus', () => {
  it('turns undelivered + 63016 into a failed WhatsApp status with the 24h reason', () => {
    const { statuses } = parseTwilioStatus(form('twilio-status-undelivered.form'));
    expect(statuses).toEqual([
      {
        channel: 'whatsapp',
        providerMessageId: 'SMbb0e2a9c7b3d4e5f60718293a4b5c6d7',
        status: 'failed',
        error: expect.stringContaining('24-hour'),
        providerTs: null,
      },
    ]);
  });

  it.each([
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'read'],
    ['failed', 'failed'],
  ])('maps %s → %s', (raw, expected) => {
    const s = parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: raw, From: '+1415', To: '+4860' }).statuses[0];
    expect(s).toMatchObject({ channel: 'sms', status: expected });
  });

  it('yields nothing for intermediate states', () => {
    for (const raw of ['queued', 'sending', 'accepted', 'scheduled']) {
      expect(parseTwilioStatus({ MessageSid: 'SM1', MessageStatus: raw }).statuses).toEqual([]);
    }
  });
});

describe('parseTwilioVoice', () => {
  it('recording callback → voice message with placeholder text and the recording attached', () => {
    const m = parseTwilioVoice(form('twilio-voice-recording.form')).messages[0];
    expect(m).toMatchObject({
      channel: 'voice',
      transport: 'twilio',
      providerMessageId: 'RE0123456789abcdef0123456789abcdef',
    });
    expect(m.from.address).toBe('+66812345678');
    expect(m.text).toBe('Voicemail (0:42): transcript pending.');
    expect(m.attachments[0]).toMatchObject({ kind: 'audio', providerMediaId: 'RE0123456789abcdef0123456789abcdef' });
    expect(m.meta?.voiceUpdate).toMatchObject({ transcript: null, placeholder: true });
  });

  it('transcription callback shares the providerMessageId and carries the transcript as an update', () => {
    const recording = parseTwilioVoice(form('twilio-voice-recording.form')).messages[0];
    const transcription = parseTwilioVoice(form('twilio-voice-transcription.form')).messages[0];
    expect(transcription.providerMessageId).toBe(recording.providerMessageId);
    expect(transcription.text).toBe('Hi, this is Anna, my order 1234 has not arrived, please call me back.');
    expect(transcription.meta?.voiceUpdate).toMatchObject({
      key: recording.providerMessageId,
      transcript: transcription.text,
      placeholder: false,
      transcriptionStatus: 'completed',
    });
  });

  it('derives the RecordingSid from RecordingUrl and reports failed transcriptions clearly', () => {
    const params = form('twilio-voice-transcription.form');
    delete params.RecordingSid;
    params.TranscriptionStatus = 'failed';
    const m = parseTwilioVoice(params).messages[0];
    expect(m.providerMessageId).toBe('RE0123456789abcdef0123456789abcdef');
    expect(m.text).toMatch(/transcription failed/);
  });

  it('yields nothing without a caller (recordingStatusCallback has no From)', () => {
    expect(parseTwilioVoice({ RecordingSid: 'RE1', CallSid: 'CA1', RecordingUrl: 'https://x' }).messages).toEqual([]);
  });
});

describe('Twilio outbound', () => {
  const cfg = {
    apiBase: 'https://api.twilio.com/',
    accountSid: 'AC123',
    authToken: 'tok',
    from: '+14155550100',
    whatsappFrom: '+14155550199',
  };

  it('builds a form-encoded Messages.json request with Basic auth', () => {
    const req = buildTwilioSend(cfg, {
      channel: 'whatsapp',
      to: '+48601234567',
      text: MIXED,
      statusCallback: 'https://braid.example.com/webhooks/twilio/status',
    });
    expect(req.url).toBe('https://api.twilio.com/2010-04-01/Accounts/AC123/Messages.json');
    expect(req.method).toBe('POST');
    expect(req.headers.Authorization).toBe(`Basic ${Buffer.from('AC123:tok').toString('base64')}`);
    const body = new URLSearchParams(req.body);
    expect(body.get('To')).toBe('whatsapp:+48601234567');
    expect(body.get('From')).toBe('whatsapp:+14155550199');
    expect(body.get('Body')).toBe(MIXED);
    expect(body.get('StatusCallback')).toBe('https://braid.example.com/webhooks/twilio/status');
    const sms = new URLSearchParams(buildTwilioSend(cfg, { channel: 'sms', to: '+66812345678', text: 'hi' }).body);
    expect([sms.get('To'), sms.get('From'), sms.has('StatusCallback')]).toEqual([
      '+66812345678',
      '+14155550100',
      false,
    ]);
  });

  it('classifies responses', () => {
    expect(parseTwilioSendResponse(201, { sid: 'SM9', status: 'queued' })).toEqual({
      ok: true,
      providerMessageId: 'SM9',
    });
    expect(
      parseTwilioSendResponse(400, { code: 21211, message: "The 'To' number is not valid.", status: 400 }),
    ).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('21211') });
    expect(parseTwilioSendResponse(429, { code: 20429, message: 'Too Many Requests' })).toMatchObject({
      ok: false,
      retryable: true,
    });
    expect(parseTwilioSendResponse(503, null)).toMatchObject({ ok: false, retryable: true });
    expect(parseTwilioSendResponse(400, { code: 63016, message: 'Failed to send freeform message' })).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('24-hour'),
    });
  });
});

describe('Twilio parsers never throw', () => {
  const fixtures = [
    'twilio-sms-inbound.form',
    'twilio-whatsapp-inbound.form',
    'twilio-status-undelivered.form',
    'twilio-voice-transcription.form',
  ].map(form);
  it.each([
    ['parseTwilioMessaging', parseTwilioMessaging],
    ['parseTwilioStatus', parseTwilioStatus],
    ['parseTwilioVoice', parseTwilioVoice],
  ])('%s survives 200 fuzzed inputs', (_name, parse) => {
    for (const input of fuzzInputs(0x7111, fixtures)) {
      const result = parse(input as Record<string, string>);
      expect(isParsedWebhook(result)).toBe(true);
      for (const m of result.messages)
        expect(typeof m.providerMessageId === 'string' && m.providerMessageId.length > 0).toBe(true);
    }
  });
});
