import { expect } from 'vitest';
import { prng, randomString } from './providerFixtures';
import type { TestApp } from '#tests/helpers/app';
import { bodyOf } from './webhookHelpers';

/** One fuzz request: raw body bytes and headers (signatures computed by the caller). */
export interface FuzzRequest {
  body: Buffer | string;
  headers: Record<string, string>;
}

/** Random bytes, including invalid UTF-8 and NULs. */
export function randomBytes(rng: () => number, max = 300): Buffer {
  return Buffer.from(Array.from({ length: Math.floor(rng() * max) }, () => Math.floor(rng() * 256)));
}

const TWILIO_KEYS = [
  'From',
  'To',
  'Body',
  'MessageSid',
  'SmsSid',
  'NumMedia',
  'MediaUrl0',
  'MediaContentType0',
  'MessageStatus',
  'ErrorCode',
  'RecordingSid',
  'RecordingUrl',
  'RecordingDuration',
  'TranscriptionText',
  'TranscriptionStatus',
  'Caller',
  'CallSid',
  'CallStatus',
  'ProfileName',
  'WaId',
  'Latitude',
  'Longitude',
  '__proto__',
  'constructor',
  'toString',
  '',
];
const FROMS = [
  '+66812345678',
  'whatsapp:+48601234567',
  'whatsapp:',
  '+',
  'messenger:123',
  '00',
  '+999999999999999999',
  'abc',
];

/** A random Twilio-ish form: known keys with random or plausible values. */
export function randomTwilioForm(rng: () => number): Record<string, string> {
  const out: Record<string, string> = {};
  const n = Math.floor(rng() * 8);
  for (let i = 0; i < n; i++) {
    const key = rng() < 0.85 ? TWILIO_KEYS[Math.floor(rng() * TWILIO_KEYS.length)] : randomString(rng);
    const r = rng();
    out[key] = r < 0.3 ? FROMS[Math.floor(rng() * FROMS.length)] : r < 0.4 ? `RE${'0'.repeat(32)}` : randomString(rng);
  }
  if (rng() < 0.5) out.MessageSid = `SM${Math.floor(rng() * 1e9)}`;
  if (rng() < 0.5) out.From = FROMS[Math.floor(rng() * FROMS.length)];
  return out;
}

/**
 * Send every request to `path` and assert none answered 5xx and the process still serves; returns
 * a tally of status codes so a test can also check that signed inputs reached the parser.
 */
export async function fuzzEndpoint(
  app: TestApp,
  path: string,
  requests: FuzzRequest[],
): Promise<Record<number, number>> {
  const tally: Record<number, number> = {};
  for (const r of requests) {
    const res = await fetch(`${app.url}${path}`, { method: 'POST', headers: r.headers, body: bodyOf(r.body) });
    await res.arrayBuffer();
    tally[res.status] = (tally[res.status] ?? 0) + 1;
    if (res.status >= 500)
      expect.fail(`${path} answered ${res.status} for ${JSON.stringify(String(r.body).slice(0, 200))}`);
  }
  const health = await fetch(`${app.url}/healthz`);
  expect(health.status).toBe(200);
  return tally;
}

/** A seeded PRNG for a fuzz run (re-exported so tests import one place). */
export { prng };
