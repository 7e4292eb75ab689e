import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTwilioSignature } from '#server/channels/twilio/parse';
import { startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import { MIXED, fixtureBytes, formParams, mutate } from '#tests/server/channels/providerFixtures';
import {
  adminOf,
  channelEnv,
  listAllThreads,
  messageCount,
  postTwilio,
  threadMessages,
  SECRETS,
} from '#tests/server/channels/webhookHelpers';
import {
  fuzzEndpoint,
  prng,
  randomBytes,
  randomTwilioForm,
  type FuzzRequest,
} from '#tests/server/channels/webhookFuzz';

const form = (name: string) => formParams(fixtureBytes(name).toString('utf8')) as Record<string, string>;

describe('Twilio webhooks', () => {
  let app: TestApp;
  let admin: AgentClient;
  beforeAll(async () => {
    app = await startApp(channelEnv({ BODY_LIMIT: '16kb' }));
    admin = await adminOf(app);
  });
  afterAll(() => app.close());

  it('stores a signed SMS in the sender’s thread, text byte-exact, and answers TwiML', async () => {
    const res = await postTwilio(app, '/webhooks/twilio', form('twilio-sms-inbound.form'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toContain('<Response>');
    const thread = (await listAllThreads(admin)).find((t) => t.channels.includes('sms'));
    expect(thread?.channels).toEqual(['sms']);
    const msgs = await threadMessages(admin, thread!.id);
    expect(msgs.map((m) => m.text)).toContain(MIXED);
    expect(msgs[0].attachments.map((a) => a.mimeType)).toEqual(['image/jpeg', 'application/pdf']);
  });

  it('refuses a missing or wrong signature (or one for another URL) and stores nothing', async () => {
    const before = messageCount(app.db);
    const params = { ...form('twilio-sms-inbound.form'), MessageSid: 'SMrefused1' };
    expect((await postTwilio(app, '/webhooks/twilio', params, null)).status).toBe(401);
    expect((await postTwilio(app, '/webhooks/twilio', params, 'AAAA')).status).toBe(403);
    const otherUrl = computeTwilioSignature(
      SECRETS.TWILIO_AUTH_TOKEN,
      'https://evil.example.com/webhooks/twilio',
      params,
    );
    expect((await postTwilio(app, '/webhooks/twilio', params, otherUrl)).status).toBe(403);
    const tampered = computeTwilioSignature(
      SECRETS.TWILIO_AUTH_TOKEN,
      'https://braid.example.com/webhooks/twilio',
      params,
    );
    expect((await postTwilio(app, '/webhooks/twilio', { ...params, Body: 'changed' }, tampered)).status).toBe(403);
    expect(messageCount(app.db)).toBe(before);
  });

  it('verifies the query string as part of the URL', async () => {
    const params = { ...form('twilio-sms-inbound.form'), MessageSid: 'SMquery1', Body: 'with query' };
    const sig = computeTwilioSignature(
      SECRETS.TWILIO_AUTH_TOKEN,
      'https://braid.example.com/webhooks/twilio?src=x',
      params,
    );
    expect((await postTwilio(app, '/webhooks/twilio?src=x', params, sig)).status).toBe(200);
    expect((await postTwilio(app, '/webhooks/twilio?src=y', { ...params, MessageSid: 'SMquery2' }, sig)).status).toBe(
      403,
    );
  });

  it('stores a redelivered message once and still answers 200', async () => {
    const params = { ...form('twilio-sms-inbound.form'), MessageSid: 'SMdup0000001', Body: 'only once' };
    const before = messageCount(app.db);
    for (let i = 0; i < 3; i++) expect((await postTwilio(app, '/webhooks/twilio', params)).status).toBe(200);
    expect(messageCount(app.db)).toBe(before + 1);
  });

  it('puts SMS, WhatsApp and voicemail from one number into one customer and one thread', async () => {
    const phone = '+48601234999';
    await postTwilio(app, '/webhooks/twilio', {
      ...form('twilio-sms-inbound.form'),
      From: phone,
      MessageSid: 'SMone1',
      Body: 'SMS first',
    });
    await postTwilio(app, '/webhooks/twilio', {
      ...form('twilio-whatsapp-inbound.form'),
      From: `whatsapp:${phone}`,
      MessageSid: 'SMone2',
    });
    const voice = {
      ...form('twilio-voice-recording.form'),
      From: phone,
      Caller: phone,
      RecordingSid: 'RE11111111111111111111111111111111',
    };
    await postTwilio(app, '/webhooks/twilio/voice', voice);
    const threads = (await listAllThreads(admin)).filter(
      (t) => t.channels.includes('voice') && t.channels.includes('whatsapp'),
    );
    expect(threads).toHaveLength(1);
    expect(new Set(threads[0].channels)).toEqual(new Set(['sms', 'whatsapp', 'voice']));
    const detail = (await (await admin.get(`/api/threads/${threads[0].id}`)).json()) as {
      customer: { identities: unknown[] };
    };
    expect(detail.customer.identities).toHaveLength(3);
    expect((await threadMessages(admin, threads[0].id)).map((m) => m.text)).toContain(
      'Dzień dobry, gdzie jest moja paczka? 📦',
    );
  });

  it('replaces the voicemail placeholder with the later transcript, never the other way round', async () => {
    const rec = {
      ...form('twilio-voice-recording.form'),
      RecordingSid: 'RE22222222222222222222222222222222',
      From: '+66812340001',
      Caller: '+66812340001',
    };
    await postTwilio(app, '/webhooks/twilio/voice', rec);
    const find = async () => {
      const t = (await listAllThreads(admin)).find(
        (x) => x.channels.includes('voice') && x.customer.name === '+66812340001',
      );
      return (await threadMessages(admin, t!.id)).find((m) => m.channel === 'voice')!;
    };
    expect((await find()).text).toMatch(/^Voicemail \(0:42\): transcript pending/);
    const transcript = {
      ...form('twilio-voice-transcription.form'),
      RecordingSid: rec.RecordingSid,
      From: rec.From,
      Caller: rec.Caller,
    };
    expect((await postTwilio(app, '/webhooks/twilio/voice', transcript)).status).toBe(200);
    expect((await find()).text).toBe('Hi, this is Anna, my order 1234 has not arrived, please call me back.');
    await postTwilio(app, '/webhooks/twilio/voice', rec); // a late duplicate recording callback
    expect((await find()).text).toBe('Hi, this is Anna, my order 1234 has not arrived, please call me back.');
  });

  it('greets a ringing call with a recording TwiML and stores nothing yet', async () => {
    const before = messageCount(app.db);
    const res = await postTwilio(app, '/webhooks/twilio/voice', {
      CallSid: 'CA9',
      From: '+66812345678',
      To: '+14155550100',
      CallStatus: 'ringing',
    });
    expect(res.status).toBe(200);
    const twiml = await res.text();
    expect(twiml).toContain('<Record action="https://braid.example.com/webhooks/twilio/voice"');
    expect(twiml).toContain('transcribe="true"');
    expect(messageCount(app.db)).toBe(before);
  });

  it('answers 400 for an unusable sender and 413 for an oversized body', async () => {
    const bad = await postTwilio(app, '/webhooks/twilio', { From: '+12', MessageSid: 'SMbad', Body: 'x' });
    expect(bad.status).toBe(400);
    const big = await postTwilio(app, '/webhooks/twilio', {
      From: '+66812345678',
      MessageSid: 'SMbig',
      Body: 'x'.repeat(20_000),
    });
    expect(big.status).toBe(413);
  });

  it('survives a few hundred fuzzed bodies on every Twilio endpoint without a 500', async () => {
    const rng = prng(3);
    const fixtures = [
      'twilio-sms-inbound.form',
      'twilio-whatsapp-inbound.form',
      'twilio-voice-recording.form',
      'twilio-voice-transcription.form',
      'twilio-status-undelivered.form',
    ].map(form);
    for (const path of ['/webhooks/twilio', '/webhooks/twilio/status', '/webhooks/twilio/voice']) {
      const requests: FuzzRequest[] = [];
      for (let i = 0; i < 150; i++) {
        const r = rng();
        if (r < 0.15) {
          requests.push({
            body: randomBytes(rng),
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'x' },
          });
          continue;
        }
        const params =
          r < 0.55
            ? randomTwilioForm(rng)
            : (mutate(rng, fixtures[Math.floor(rng() * fixtures.length)]) as Record<string, string>);
        const clean = Object.fromEntries(
          Object.entries(params ?? {}).filter(([, v]) => typeof v === 'string'),
        ) as Record<string, string>;
        const body = new URLSearchParams(clean).toString();
        const sig = computeTwilioSignature(
          SECRETS.TWILIO_AUTH_TOKEN,
          `https://braid.example.com${path}`,
          formParams(body),
        );
        requests.push({
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sig },
        });
      }
      const tally = await fuzzEndpoint(app, path, requests);
      expect((tally[200] ?? 0) + (tally[204] ?? 0)).toBeGreaterThan(50);
    }
  });
});

describe('Twilio channel off', () => {
  it('answers 404 on every Twilio endpoint when its settings are absent, and Braid still runs', async () => {
    const app = await startApp({});
    try {
      for (const path of ['/webhooks/twilio', '/webhooks/twilio/status', '/webhooks/twilio/voice']) {
        const res = await postTwilio(app, path, { From: '+66812345678', MessageSid: 'SMoff', Body: 'x' });
        expect(res.status).toBe(404);
        expect(((await res.json()) as { error: string }).error).toMatch(/not configured/);
      }
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
