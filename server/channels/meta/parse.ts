import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { ParsedWebhook } from '#server/domain/inbound';
import { arr, isRecord, rec, safeEqual, str } from '#server/channels/kit/fields';
import { parseMessagingEntry } from './messaging';
import { parseWhatsAppValue } from './whatsappCloud';

/**
 * Meta platforms behind one webhook: WhatsApp Cloud API, Messenger and Instagram messaging.
 * Pure functions; the HTTP layer passes the raw body bytes, the parsed JSON and the query string.
 */

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
