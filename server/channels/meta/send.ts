import { buildMetaSend, parseMetaSendResponse } from './parse';
import { refuseSend, replyFact, outboundText } from '#server/channels/kit/replyFacts';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelContext, OutboundJob, SendResult } from '#server/channels/types';

/** True when the Graph API can be called (Messenger / Instagram need only the access token). */
export function graphSendOn(ctx: ChannelContext): boolean {
  return Boolean(ctx.config.META_ACCESS_TOKEN);
}

/**
 * Send a text with the Messenger / Instagram Send API (messaging_type RESPONSE) to the PSID/IGSID.
 * Messenger posts to the Page the customer wrote to; Instagram (Facebook-login API) to `me`.
 */
export function sendViaGraph(
  ctx: ChannelContext,
  channel: 'messenger' | 'instagram',
  job: OutboundJob,
): Promise<SendResult> {
  const token = ctx.config.META_ACCESS_TOKEN;
  if (!token)
    return Promise.resolve(
      refuseSend(`${channel === 'messenger' ? 'Messenger' : 'Instagram'} is not configured (META_ACCESS_TOKEN)`),
    );
  const pageId = channel === 'messenger' ? replyFact(job, 'pageId') : undefined;
  const req = buildMetaSend(
    { graphBase: ctx.config.META_GRAPH_BASE, accessToken: token, pageId },
    { channel, to: job.identity.address, text: outboundText(job) },
  );
  return sendProviderRequest(ctx, req, parseMetaSendResponse);
}
