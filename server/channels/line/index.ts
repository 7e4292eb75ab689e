import { buildLineSend, parseLineSendResponse } from './parse';
import { DELIVERY_SECRET_KEY, ensureSecret, stableUuid } from '#server/services/secrets';
import { refuseSend, outboundText } from '#server/channels/kit/replyFacts';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelAdapter } from '#server/channels/types';

/**
 * LINE push messages. Each outbox row gets one X-Line-Retry-Key, derived from an installation
 * secret and the row id, so every retry of the same reply carries the same key and LINE executes
 * the push at most once (a 409 then means "already sent").
 */
export const lineAdapter: ChannelAdapter = {
  kind: 'line',
  enabled: (ctx) => Boolean(ctx.config.LINE_CHANNEL_ACCESS_TOKEN),
  async send(job, ctx) {
    const token = ctx.config.LINE_CHANNEL_ACCESS_TOKEN;
    if (!token) return refuseSend('LINE is not configured (LINE_CHANNEL_ACCESS_TOKEN)');
    const retryKey = stableUuid(ensureSecret(ctx.db, DELIVERY_SECRET_KEY), `line-push:${job.outboxId}`);
    const req = buildLineSend(
      { apiBase: ctx.config.LINE_API_BASE, accessToken: token },
      { to: job.identity.address, text: outboundText(job), retryKey },
    );
    return sendProviderRequest(ctx, req, parseLineSendResponse);
  },
};
