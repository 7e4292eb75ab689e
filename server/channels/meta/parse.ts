import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { ParsedWebhook } from '#server/domain/inbound';
import { arr, isRecord, num, rec, safeEqual, str, trimBase } from '#server/channels/kit/fields';
import type { OutboundRequest, SendResult } from '#server/channels/kit/fields';
import { parseMessagingEntry } from './messaging';
import { parseWhatsAppValue } from './whatsappCloud';

/**
 * Meta platforms behind one webhook: WhatsApp Cloud API, Messenger and Instagram messaging.
 * Pure functions; the HTTP layer passes the raw body bytes, the parsed JSON and the query string.
 */

/** Graph API version used when the config does not pin one. */
export const META_GRAPH_VERSION = 'v25.0';

/**
 * Verifies X-Hub-Signature-256 ('sha256=<hex>', HMAC-SHA256 keyed with the app secret) over the
 * RAW request bytes. Meta signs the body as sent, with non-ASCII escaped as \uXXXX, so the bytes
 * must never be re-serialised before checking.
 */
export function verifyMetaSignature(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!appSecret || !header || !Buffer.isBuffer(rawBody)) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest('hex');
  return safeEqual(expected, match[1].toLowerCase());
}

/** Reads a `hub.*` query value whether the query parser kept the dotted key or nested it. */
function hubParam(query: unknown, name: string): string | undefined {
  if (!isRecord(query)) return undefined;
  const flat = query[`hub.${name}`];
  const value = flat !== undefined ? flat : rec(query.hub)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Answers Meta's GET verification handshake: returns hub.challenge when hub.mode is 'subscribe'
 * and hub.verify_token equals the configured token, otherwise null (the route answers 403).
 */
export function verifyMetaChallenge(query: unknown, verifyToken: string): string | null {
  if (!verifyToken) return null;
  const token = hubParam(query, 'verify_token');
  const challenge = hubParam(query, 'challenge');
  if (hubParam(query, 'mode') !== 'subscribe' || token === undefined || challenge === undefined) return null;
  return safeEqual(verifyToken, token) ? challenge : null;
}

/** The outer envelope of every Meta webhook Braid accepts; anything else is a 400. */
export const metaWebhookShape = z.object({
  object: z.enum(['whatsapp_business_account', 'page', 'instagram']),
  entry: z.array(z.unknown()),
});

/** True when the body is a Meta webhook envelope Braid understands (else the route answers 400). */
export function isMetaWebhookShape(json: unknown): boolean {
  return metaWebhookShape.safeParse(json).success;
}

/**
 * Parses a Meta webhook body into messages and statuses. Never throws: unknown objects, fields
 * and event types are skipped, so a partly understood delivery still yields what it could.
 */
export function parseMetaWebhook(json: unknown): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [] };
  const body = rec(json);
  const object = str(body?.object);
  if (!body) return out;
  try {
    for (const rawEntry of arr(body.entry)) {
      const entry = rec(rawEntry);
      if (!entry) continue;
      if (object === 'whatsapp_business_account') {
        for (const rawChange of arr(entry.changes)) {
          const change = rec(rawChange);
          const value = rec(change?.value);
          if (value && str(change?.field) === 'messages') parseWhatsAppValue(value, out);
        }
      } else if (object === 'page' || object === 'instagram') {
        parseMessagingEntry(entry, object === 'page' ? 'messenger' : 'instagram', out);
      }
    }
  } catch {
    // Defensive: a bug in a branch above must cost one payload part, never the request.
  }
  return out;
}

/** Settings for Graph API sends. */
export interface MetaSendConfig {
  graphBase: string;
  accessToken: string;
  phoneNumberId?: string;
  pageId?: string;
  /** Graph API version such as 'v25.0'; defaults to META_GRAPH_VERSION. */
  graphVersion?: string;
}

/**
 * Builds a text send: WhatsApp Cloud API POST /{version}/{phone-number-id}/messages, or the
 * Messenger/Instagram Send API POST /{version}/{page-id | me}/messages with messaging_type RESPONSE.
 * Throws when WhatsApp is asked for without a phone number id (a configuration error).
 */
export function buildMetaSend(
  cfg: MetaSendConfig,
  msg: { channel: 'whatsapp' | 'messenger' | 'instagram'; to: string; text: string },
): OutboundRequest {
  const base = `${trimBase(cfg.graphBase)}/${cfg.graphVersion ?? META_GRAPH_VERSION}`;
  const headers = { Authorization: `Bearer ${cfg.accessToken}`, 'Content-Type': 'application/json' };
  if (msg.channel === 'whatsapp') {
    if (!cfg.phoneNumberId) throw new Error('META_PHONE_NUMBER_ID is required to send WhatsApp messages');
    // A business-scoped user id (e.g. "US.1349…") goes in `recipient`; phone numbers go in `to`.
    const isBsuid = /^[A-Z]{2}\./.test(msg.to);
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      ...(isBsuid ? { recipient: msg.to } : { to: msg.to.replace(/^\+/, '') }),
      type: 'text',
      text: { preview_url: false, body: msg.text },
    };
    return {
      url: `${base}/${encodeURIComponent(cfg.phoneNumberId)}/messages`,
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    };
  }
  const node = cfg.pageId ? encodeURIComponent(cfg.pageId) : 'me';
  const body = { recipient: { id: msg.to }, messaging_type: 'RESPONSE', message: { text: msg.text } };
  return { url: `${base}/${node}/messages`, method: 'POST', headers, body: JSON.stringify(body) };
}

/** Graph error codes that mean "slow down / try later" rather than "this will never work". */
const RETRYABLE_CODES = new Set([1, 2, 4, 17, 32, 341, 613, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

/**
 * Classifies a Graph API send answer. Success carries messages[0].id (WhatsApp) or message_id
 * (Messenger/Instagram). 5xx, 429, is_transient and rate-limit codes are retryable; WhatsApp 131047
 * and Messenger 10/2018278 mean the 24-hour window is closed and are permanent.
 */
export function parseMetaSendResponse(status: number, json: unknown): SendResult {
  const body = rec(json) ?? {};
  const id = str(rec(arr(body.messages)[0])?.id) ?? str(body.message_id);
  if (status >= 200 && status < 300 && id) return { ok: true, providerMessageId: id };
  const err = rec(body.error);
  const code = num(err?.code);
  const subcode = num(err?.error_subcode);
  const detail = str(rec(err?.error_data)?.details) ?? str(err?.message) ?? `HTTP ${status}`;
  const label = code === undefined ? '' : `${code}${subcode ? `/${subcode}` : ''}: `;
  if (code === 131047) {
    return {
      ok: false,
      retryable: false,
      error:
        '131047: outside the WhatsApp 24-hour customer-service window (re-engagement message); send an approved template',
    };
  }
  if (code === 10 && subcode === 2018278) {
    return { ok: false, retryable: false, error: '10/2018278: outside the Messenger 24-hour messaging window' };
  }
  const retryable =
    status >= 500 || status === 429 || err?.is_transient === true || (code !== undefined && RETRYABLE_CODES.has(code));
  if (status >= 200 && status < 300)
    return { ok: false, retryable: false, error: 'unexpected success response without a message id' };
  return { ok: false, retryable, error: label + detail };
}
