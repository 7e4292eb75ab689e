import { createHmac } from 'node:crypto';
import { computeTwilioSignature } from '#server/channels/twilio/parse';
import { messages } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { login, type AgentClient } from '#tests/helpers/client';
import type { TestApp } from '#tests/helpers/app';
import type { Message } from '#shared/schemas/message';
import type { ThreadSummary } from '#shared/schemas/thread';

/** A body fetch accepts, from bytes or text. */
export function bodyOf(raw: Buffer | string): string | Uint8Array<ArrayBuffer> {
  return typeof raw === 'string' ? raw : new Uint8Array(raw);
}

/** Settings that switch every webhook channel on, with secrets the tests sign with. */
export const SECRETS = {
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  TWILIO_AUTH_TOKEN: 'twilio-test-auth-token',
  TWILIO_FROM_NUMBER: '+14155550100',
  META_APP_SECRET: 'meta-test-app-secret',
  META_VERIFY_TOKEN: 'meta-test-verify-token',
  META_ACCESS_TOKEN: 'meta-test-access-token',
  META_PHONE_NUMBER_ID: '106540352242922',
  TELEGRAM_BOT_TOKEN: '123456:test-bot-token',
  TELEGRAM_SECRET_TOKEN: 'telegram-test-secret_1',
  LINE_CHANNEL_SECRET: 'line-test-channel-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-test-access-token',
} as const;

/** Env for startApp: all channels on; PUBLIC_URL is what Twilio signs (it need not be where we listen). */
export function channelEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { ...SECRETS, PUBLIC_URL: 'https://braid.example.com', ...extra };
}

/** POST a form to a Twilio endpoint, signed over PUBLIC_URL + path like Twilio does. */
export function postTwilio(
  app: TestApp,
  path: string,
  params: Record<string, string>,
  signature?: string | null,
): Promise<Response> {
  const body = new URLSearchParams(params).toString();
  const sig =
    signature === undefined
      ? computeTwilioSignature(SECRETS.TWILIO_AUTH_TOKEN, `https://braid.example.com${path}`, params)
      : signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (sig !== null) headers['x-twilio-signature'] = sig;
  return fetch(`${app.url}${path}`, { method: 'POST', headers, body });
}

/** Meta's X-Hub-Signature-256 for raw bytes. */
export function metaSignature(raw: Buffer | string, secret: string = SECRETS.META_APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/** POST raw bytes to /webhooks/meta with a signature (null = none). */
export function postMeta(
  app: TestApp,
  raw: Buffer | string,
  signature: string | null = metaSignature(raw),
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  return fetch(`${app.url}/webhooks/meta`, { method: 'POST', headers, body: bodyOf(raw) });
}

/** POST an Update to /webhooks/telegram with the secret token header (null = none). */
export function postTelegram(
  app: TestApp,
  raw: Buffer | string,
  secret: string | null = SECRETS.TELEGRAM_SECRET_TOKEN,
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
  return fetch(`${app.url}/webhooks/telegram`, { method: 'POST', headers, body: bodyOf(raw) });
}

/** LINE's X-Line-Signature for raw bytes. */
export function lineSignature(raw: Buffer | string, secret: string = SECRETS.LINE_CHANNEL_SECRET): string {
  return createHmac('sha256', secret).update(raw).digest('base64');
}

/** POST raw bytes to /webhooks/line with a signature (null = none). */
export function postLine(
  app: TestApp,
  raw: Buffer | string,
  signature: string | null = lineSignature(raw),
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-line-signature'] = signature;
  return fetch(`${app.url}/webhooks/line`, { method: 'POST', headers, body: bodyOf(raw) });
}

/** Log in as the test admin (sees every thread). */
export function adminOf(app: TestApp): Promise<AgentClient> {
  return login(app.url, 'admin@test.local');
}

/** Every thread, via the agent HTTP API. */
export async function listAllThreads(agent: AgentClient): Promise<ThreadSummary[]> {
  const res = await agent.get('/api/threads?status=all&limit=200');
  if (res.status !== 200) throw new Error(`threads: ${res.status}`);
  return ((await res.json()) as { items: ThreadSummary[] }).items;
}

/** A thread's messages in display order, via the agent HTTP API. */
export async function threadMessages(agent: AgentClient, threadId: number): Promise<Message[]> {
  const res = await agent.get(`/api/threads/${threadId}/messages?limit=200`);
  if (res.status !== 200) throw new Error(`messages: ${res.status}`);
  return ((await res.json()) as { items: Message[] }).items;
}

/** How many messages are stored at all. */
export function messageCount(db: Db): number {
  return db.select({ id: messages.id }).from(messages).all().length;
}

/** Poll until `check` returns a truthy value (or fail after the timeout). */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5_000,
  stepMs = 25,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
