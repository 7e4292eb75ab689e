import { Router } from 'express';
import {
  isMetaWebhookShape,
  parseMetaWebhook,
  verifyMetaChallenge,
  verifyMetaSignature,
} from '#server/channels/meta/parse';
import type { AppContext } from '#server/http/context';
import { bodyBytes, channelGate, jsonOf, rawBody, refuse, storeParsed } from '#server/channels/kit/webhookKit';
import { HttpError } from '#server/errors';

/** True when Meta webhooks can be verified (the app secret signs every POST). */
export function metaInboundOn(ctx: AppContext): boolean {
  return Boolean(ctx.config.META_APP_SECRET);
}

/**
 * Meta webhooks for WhatsApp Cloud API, Messenger and Instagram: the GET subscription handshake
 * and signed POST deliveries of messages and statuses.
 */
export function metaRoutes(ctx: AppContext): Router {
  const r = Router();
  r.get(
    '/',
    channelGate('Meta', () => Boolean(ctx.config.META_VERIFY_TOKEN)),
    (req, res) => {
      const challenge = verifyMetaChallenge(req.query, ctx.config.META_VERIFY_TOKEN ?? '');
      if (challenge === null) return refuse(req, res, 'meta', 403, 'verification token mismatch');
      res.status(200).type('text/plain').send(challenge);
    },
  );

  r.post(
    '/',
    channelGate('Meta', () => metaInboundOn(ctx)),
    rawBody(ctx),
    (req, res) => {
      const raw = bodyBytes(req);
      const header = req.get('x-hub-signature-256');
      if (!header) return refuse(req, res, 'meta', 401, 'missing X-Hub-Signature-256');
      // Meta signs the exact bytes it sent (non-ASCII escaped as \uXXXX): verify those, never re-serialised JSON.
      if (!verifyMetaSignature(ctx.config.META_APP_SECRET ?? '', raw, header)) {
        return refuse(req, res, 'meta', 403, 'invalid X-Hub-Signature-256');
      }
      const json = jsonOf(raw);
      if (!isMetaWebhookShape(json)) throw new HttpError(400, 'not a Meta webhook envelope');
      storeParsed(ctx, 'meta', parseMetaWebhook(json));
      res.status(200).type('text/plain').send('EVENT_RECEIVED');
    },
  );
  return r;
}
