import { arr, num, rec, str, trimBase, type OutboundRequest } from '#server/channels/kit/fields';
import { outboundText, readReplyFacts, refuseSend } from '#server/channels/kit/replyFacts';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelContext, OutboundJob, SendResult } from '#server/channels/types';
import { deliveryTag } from '#server/domain/delivery';
import { MESSENGER_REPLY_FACTS } from './messaging';

/** Graph API version used when the config does not pin one. */
export const META_GRAPH_VERSION = 'v25.0';

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
  const pageId = channel === 'messenger' ? readReplyFacts(job, MESSENGER_REPLY_FACTS).pageId : undefined;
  const req = buildMetaSend(
    { graphBase: ctx.config.META_GRAPH_BASE, accessToken: token, pageId },
    { channel, to: job.identity.address, text: outboundText(job), tag: deliveryTag(job.outboxId) },
  );
  return sendProviderRequest(ctx, req, parseMetaSendResponse);
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
  msg: { channel: 'whatsapp' | 'messenger' | 'instagram'; to: string; text: string; tag?: string },
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
      // Comes back on every status webhook of this message: ties a late status to the attempt.
      ...(msg.tag ? { biz_opaque_callback_data: msg.tag } : {}),
    };
    return {
      url: `${base}/${encodeURIComponent(cfg.phoneNumberId)}/messages`,
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    };
  }
  const node = cfg.pageId ? encodeURIComponent(cfg.pageId) : 'me';
  // `metadata` is echoed in the message echo of this send, which ties it to the attempt.
  const message = msg.tag ? { text: msg.text, metadata: msg.tag } : { text: msg.text };
  const body = { recipient: { id: msg.to }, messaging_type: 'RESPONSE', message };
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
