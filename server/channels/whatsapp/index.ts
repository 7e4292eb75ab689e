import { buildMetaSend, parseMetaSendResponse } from '#server/channels/meta/send';
import { metaMediaHeaders, metaWebhook } from '#server/channels/meta/webhook';
import { WHATSAPP_REPLY_FACTS } from '#server/channels/meta/whatsappCloud';
import { outboundText, readReplyFacts, refuseSend } from '#server/channels/kit/replyFacts';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import { reconcileTwilio } from '#server/channels/twilio/reconcile';
import { reconcileByTag } from '#server/channels/meta/reconcile';
import { deliveryTag } from '#server/domain/delivery';
import { sendViaTwilio, twilioSendOn } from '#server/channels/twilio/send';
import { twilioMediaHeaders, twilioWebhook } from '#server/channels/twilio/webhook';
import type { ChannelAdapter, ChannelContext } from '#server/channels/types';

/** WhatsApp allows free-form replies only this long after the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60_000;

function cloudApiOn(ctx: ChannelContext): boolean {
  return Boolean(ctx.config.META_ACCESS_TOKEN && ctx.config.META_PHONE_NUMBER_ID);
}

function hoursAgo(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  return h >= 48 ? `${Math.floor(h / 24)} days` : `${h} hours`;
}

/**
 * WhatsApp, in on Twilio's and Meta's webhooks, replies through the provider the customer wrote on: Twilio (`whatsapp:` sender) or
 * the Cloud API (phone-number id from the webhook). Outside the 24-hour customer-service window a
 * free-form reply would be rejected by WhatsApp, so it fails here, permanently, with the reason.
 */
export const whatsappAdapter: ChannelAdapter<typeof WHATSAPP_REPLY_FACTS> = {
  kind: 'whatsapp',
  enabled: (ctx) => cloudApiOn(ctx) || twilioSendOn(ctx, 'whatsapp'),
  async send(job, ctx) {
    const last = job.identity.lastInboundAt;
    const age = last === null ? null : ctx.now() - last;
    if (age === null || age > WHATSAPP_WINDOW_MS) {
      const when = age === null ? 'has never written on WhatsApp' : `last wrote ${hoursAgo(age)} ago`;
      return refuseSend(
        `outside the WhatsApp 24-hour customer-service window: the customer ${when}; free-form replies are only allowed within 24 hours of their last message (ask them to write again, or use another channel or an approved template)`,
      );
    }
    const facts = readReplyFacts(job, WHATSAPP_REPLY_FACTS);
    // Which provider carried the customer's WhatsApp messages: Twilio or Meta's Cloud API.
    if (facts.transport === 'twilio') {
      if (!twilioSendOn(ctx, 'whatsapp'))
        return refuseSend(
          'WhatsApp via Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_FROM)',
        );
      return sendViaTwilio(ctx, 'whatsapp', job.identity.address, outboundText(job));
    }
    const c = ctx.config;
    const phoneNumberId = facts.phoneNumberId ?? c.META_PHONE_NUMBER_ID;
    if (!c.META_ACCESS_TOKEN || !phoneNumberId)
      return refuseSend('the WhatsApp Cloud API is not configured (META_ACCESS_TOKEN, META_PHONE_NUMBER_ID)');
    const req = buildMetaSend(
      { graphBase: c.META_GRAPH_BASE, accessToken: c.META_ACCESS_TOKEN, phoneNumberId },
      { channel: 'whatsapp', to: job.identity.address, text: outboundText(job), tag: deliveryTag(job.outboxId) },
    );
    return sendProviderRequest(ctx, req, parseMetaSendResponse);
  },
  // Twilio's message list tells whether an interrupted send went out; the Cloud API offers no lookup,
  // but its status webhooks carry the send's tag: wait a bounded time for one before re-sending.
  reconcile: (job, ctx) =>
    readReplyFacts(job, WHATSAPP_REPLY_FACTS).transport === 'twilio'
      ? reconcileTwilio(ctx, 'whatsapp', job)
      : reconcileByTag(job, ctx),
  replyFacts: WHATSAPP_REPLY_FACTS,
  webhooks: [twilioWebhook, metaWebhook],
  mediaHeaders: (url, config) => twilioMediaHeaders(url, config) ?? metaMediaHeaders(url, config),
};
