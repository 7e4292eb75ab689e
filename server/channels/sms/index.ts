import { NO_REPLY_FACTS, outboundText, refuseSend } from '#server/channels/kit/replyFacts';
import { reconcileTwilio } from '#server/channels/twilio/reconcile';
import { sendViaTwilio, twilioSendOn } from '#server/channels/twilio/send';
import { twilioMediaHeaders, twilioWebhook } from '#server/channels/twilio/webhook';
import type { ChannelAdapter } from '#server/channels/types';

/** SMS through Twilio: messages and status callbacks on /webhooks/twilio, replies by the Messages API. */
export const smsAdapter: ChannelAdapter = {
  kind: 'sms',
  enabled: (ctx) => twilioSendOn(ctx, 'sms'),
  async send(job, ctx) {
    if (!twilioSendOn(ctx, 'sms'))
      return refuseSend('SMS is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)');
    return sendViaTwilio(ctx, 'sms', job.identity.address, outboundText(job));
  },
  reconcile: (job, ctx) => reconcileTwilio(ctx, 'sms', job),
  replyFacts: NO_REPLY_FACTS,
  webhooks: [twilioWebhook],
  mediaHeaders: twilioMediaHeaders,
};
