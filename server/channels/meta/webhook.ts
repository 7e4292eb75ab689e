import { jsonOf, requireHeader, rootPost } from '#server/channels/kit/webhookKit';
import type { Config } from '#server/config';
import type { Webhook } from '#server/channels/types';
import { HttpError } from '#server/errors';
import { isMetaWebhookShape, parseMetaWebhook, verifyMetaChallenge, verifyMetaSignature } from './parse';

/**
 * Meta's one webhook for WhatsApp Cloud API, Messenger and Instagram: the GET subscription
 * handshake and signed POST deliveries of messages and statuses. Declared by all three adapters.
 */
export const metaWebhook: Webhook = {
  name: 'meta',
  label: 'Meta',
  routes: [
    {
      method: 'GET',
      path: '/',
      enabled: (c) => Boolean(c.META_VERIFY_TOKEN),
      verify: (req, c) =>
        verifyMetaChallenge(req.query, c.META_VERIFY_TOKEN ?? '') === null
          ? { status: 403, reason: 'verification token mismatch' }
          : null,
      handle: (req, c) => ({
        parsed: null,
        answer: { status: 200, type: 'text/plain', body: verifyMetaChallenge(req.query, c.META_VERIFY_TOKEN ?? '') },
      }),
    },
    rootPost({
      enabled: (c) => Boolean(c.META_APP_SECRET),
      // Meta signs the exact bytes it sent (non-ASCII escaped as \uXXXX): verify those, never re-serialised JSON.
      verify: requireHeader('x-hub-signature-256', 'X-Hub-Signature-256', (value, req, c) =>
        verifyMetaSignature(c.META_APP_SECRET ?? '', req.raw, value),
      ),
      handle(req) {
        const json = jsonOf(req.raw);
        if (!isMetaWebhookShape(json)) throw new HttpError(400, 'not a Meta webhook envelope');
        return { parsed: parseMetaWebhook(json), answer: { status: 200, type: 'text/plain', body: 'EVENT_RECEIVED' } };
      },
    }),
  ],
};

/** Meta's media URLs (WhatsApp, Messenger CDN) need the access token. */
export function metaMediaHeaders(url: URL, config: Config): Record<string, string> | null {
  if (!/(^|\.)(fbsbx\.com|facebook\.com|fbcdn\.net)$/.test(url.hostname) || !config.META_ACCESS_TOKEN) return null;
  return { authorization: `Bearer ${config.META_ACCESS_TOKEN}` };
}
