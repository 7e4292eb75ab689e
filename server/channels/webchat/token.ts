import { createHmac, randomBytes } from 'node:crypto';
import { safeEqual } from '#server/channels/kit/fields';

/**
 * Signed web-chat visitor tokens: `<visitorId>.<issuedAt base36>.<HMAC-SHA256 base64url>`.
 * The widget keeps the token in localStorage, so a visitor stays the same identity across reloads;
 * nobody can forge another visitor's id without the secret.
 */

const VISITOR_ID = /^v_[A-Za-z0-9_-]{22}$/;
const MAX_AGE_MS = 400 * 24 * 60 * 60_000;

/** A verified visitor. */
export interface Visitor {
  visitorId: string;
  token: string;
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`braid-widget-v1:${body}`).digest('base64url');
}

/** Mint a new visitor id and its token. */
export function issueVisitorToken(secret: string, now: number): Visitor {
  const visitorId = `v_${randomBytes(16).toString('base64url')}`;
  const body = `${visitorId}.${now.toString(36)}`;
  return { visitorId, token: `${body}.${sign(secret, body)}` };
}

/** The visitor a token names, or null when it is malformed, forged or too old. */
export function verifyVisitorToken(secret: string, token: unknown, now: number): Visitor | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [visitorId, issued, signature] = parts;
  if (!VISITOR_ID.test(visitorId) || !/^[0-9a-z]{1,12}$/.test(issued)) return null;
  if (!safeEqual(sign(secret, `${visitorId}.${issued}`), signature)) return null;
  const issuedAt = parseInt(issued, 36);
  if (!(issuedAt <= now + 60_000 && now - issuedAt < MAX_AGE_MS)) return null;
  return { visitorId, token };
}
