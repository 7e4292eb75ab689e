import { Router } from 'express';
import { parseLineWebhook, verifyLineSignature } from '#server/channels/line/parse';
import type { AppContext } from '#server/http/context';
import { bodyBytes, channelGate, jsonOf, rawBody, refuse, storeParsed } from '#server/channels/kit/webhookKit';
import { HttpError } from '#server/errors';

/** True when LINE webhooks can be verified (the channel secret signs every POST). */
export function lineInboundOn(ctx: AppContext): boolean {
  return Boolean(ctx.config.LINE_CHANNEL_SECRET);
}

/** LINE Messaging API webhook: signed batches of events (an empty batch is LINE's "Verify" button). */
export function lineRoutes(ctx: AppContext): Router {
  const r = Router();
  r.post(
    '/',
    channelGate('LINE', () => lineInboundOn(ctx)),
    rawBody(ctx),
    (req, res) => {
      const raw = bodyBytes(req);
      const header = req.get('x-line-signature');
      if (!header) return refuse(req, res, 'line', 401, 'missing X-Line-Signature');
      if (!verifyLineSignature(ctx.config.LINE_CHANNEL_SECRET ?? '', raw, header)) {
        return refuse(req, res, 'line', 403, 'invalid X-Line-Signature');
      }
      const json = jsonOf(raw) as { events?: unknown } | null;
      if (typeof json !== 'object' || json === null || !Array.isArray(json.events))
        throw new HttpError(400, 'not a LINE webhook body');
      storeParsed(ctx, 'line', parseLineWebhook(json));
      res.status(200).json({});
    },
  );
  return r;
}
