import { jsonOf, requireHeader, rootPost } from '#server/channels/kit/webhookKit';
import { NO_REPLY_FACTS } from '#server/channels/kit/replyFacts';
import type { ChannelAdapter, Webhook } from '#server/channels/types';
import { HttpError } from '#server/errors';
import { parseLineWebhook, verifyLineSignature } from './parse';
import { sendLine } from './send';

/** LINE Messaging API webhook: signed batches of events (an empty batch is LINE's "Verify" button). */
export const lineWebhook: Webhook = {
  name: 'line',
  label: 'LINE',
  routes: [
    rootPost({
      enabled: (c) => Boolean(c.LINE_CHANNEL_SECRET),
      verify: requireHeader('x-line-signature', 'X-Line-Signature', (value, req, c) =>
        verifyLineSignature(c.LINE_CHANNEL_SECRET ?? '', req.raw, value),
      ),
      handle(req) {
        const json = jsonOf(req.raw) as { events?: unknown } | null;
        if (typeof json !== 'object' || json === null || !Array.isArray(json.events))
          throw new HttpError(400, 'not a LINE webhook body');
        return { parsed: parseLineWebhook(json), answer: { status: 200, body: {} } };
      },
    }),
  ],
};

/** LINE: signed webhook in, push messages out to the user id (no other routing facts needed). */
export const lineAdapter: ChannelAdapter = {
  kind: 'line',
  enabled: (ctx) => Boolean(ctx.config.LINE_CHANNEL_ACCESS_TOKEN),
  send: sendLine,
  replyFacts: NO_REPLY_FACTS,
  webhooks: [lineWebhook],
};
