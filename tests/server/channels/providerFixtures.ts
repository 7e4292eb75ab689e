import { readFileSync } from 'node:fs';

/** Shared test helpers for provider modules: fixtures, form parsing, a seeded fuzzer. */

/** The multilingual sample every fixture carries (Thai, Chinese, Polish, emoji with modifiers). */
export const MIXED = 'สวัสดีครับ 你好，订单 Zażółć gęślą jaźń 👍🏽🇹🇭';

/** Raw bytes of a fixture in tests/fixtures/channels. */
export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/channels/${name}`, import.meta.url));
}

/** A JSON fixture, parsed. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureBytes(name).toString('utf8'));
}

/** Decodes an application/x-www-form-urlencoded body the way Express does (repeated names → array). */
export function formParams(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/** mulberry32 (shared with the simulator) so fuzz failures reproduce. */
import { prng } from '#scripts/simulate/prng';

export { prng };

// Keys real payloads use, so random objects reach deep into the parsers' branches.
const KEYS = [
  'object',
  'entry',
  'changes',
  'value',
  'field',
  'messages',
  'statuses',
  'contacts',
  'messaging',
  'message',
  'sender',
  'recipient',
  'id',
  'from',
  'to',
  'text',
  'body',
  'type',
  'timestamp',
  'mid',
  'attachments',
  'payload',
  'delivery',
  'read',
  'mids',
  'is_echo',
  'events',
  'source',
  'userId',
  'chat',
  'message_id',
  'edited_message',
  'update_id',
  'photo',
  'file_id',
  'contact',
  'user_id',
  'phone_number',
  'errors',
  'code',
  'image',
  'location',
  'interactive',
  'button_reply',
  'reaction',
  'emoji',
  'deliveryContext',
  'From',
  'Body',
  'MessageSid',
  'NumMedia',
  'MediaUrl0',
  'MessageStatus',
  'RecordingSid',
  'TranscriptionText',
  'Caller',
  'CallSid',
  'wa_id',
  'profile',
];
const TOP = ['whatsapp_business_account', 'page', 'instagram', 'message', 'text', 'image', 'failed', 'read'];

/** A random string mixing ASCII, scripts Braid must support, lone surrogates and control characters. */
export function randomString(rng: () => number): string {
  const pools = ['abcXYZ019 ', 'สวัสดี', '你好订单', 'ąęłżźćń', '👍🏽🇹🇭', '\u0000\n\t"\\', '\ud800\udfff', '<script>&'];
  let s = '';
  const len = Math.floor(rng() * 24);
  for (let i = 0; i < len; i++) {
    const pool = [...pools[Math.floor(rng() * pools.length)]];
    s += pool[Math.floor(rng() * pool.length)];
  }
  return s;
}

/** A random JSON-ish value up to `depth` levels deep, biased towards provider-shaped objects. */
export function randomJson(rng: () => number, depth = 4): unknown {
  const r = rng();
  if (depth <= 0 || r < 0.25) {
    const leaf = Math.floor(rng() * 9);
    return [
      null,
      true,
      false,
      0,
      -1,
      rng() * 1e12,
      Number.MAX_SAFE_INTEGER,
      randomString(rng),
      TOP[Math.floor(rng() * TOP.length)],
    ][leaf];
  }
  if (r < 0.45) return Array.from({ length: Math.floor(rng() * 4) }, () => randomJson(rng, depth - 1));
  const obj: Record<string, unknown> = {};
  const n = 1 + Math.floor(rng() * 5);
  for (let i = 0; i < n; i++) obj[KEYS[Math.floor(rng() * KEYS.length)]] = randomJson(rng, depth - 1);
  return obj;
}

/** A copy of `value` with random nodes replaced by random values (structure-aware fuzzing). */
export function mutate(rng: () => number, value: unknown, rate = 0.15): unknown {
  if (rng() < rate) return randomJson(rng, 2);
  if (Array.isArray(value)) return value.filter(() => rng() > 0.1).map((v) => mutate(rng, v, rate));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(() => rng() > 0.05)
        .map(([k, v]) => [k, mutate(rng, v, rate)]),
    );
  }
  return value;
}

/** ~200 fuzz inputs: pure random values, random strings, and mutations of real fixtures. */
export function fuzzInputs(seed: number, fixtures: unknown[], count = 200): unknown[] {
  const rng = prng(seed);
  const out: unknown[] = [undefined, null, '', 0, [], {}, 'null', { object: 'page', entry: 'x' }];
  while (out.length < count) {
    const pick = rng();
    if (pick < 0.3) out.push(randomJson(rng));
    else if (pick < 0.4) out.push(randomString(rng));
    else out.push(mutate(rng, fixtures[Math.floor(rng() * fixtures.length)]));
  }
  return out;
}

/** Asserts the ParsedWebhook contract shape without caring about content. */
export function isParsedWebhook(value: unknown): boolean {
  const v = value as { messages?: unknown; statuses?: unknown };
  return Array.isArray(v?.messages) && Array.isArray(v?.statuses);
}
