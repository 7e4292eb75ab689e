import { NO_REPLY_FACTS, outboundText, refuseSend } from '#server/channels/kit/replyFacts';
import { sendViaTwilio, twilioSendOn } from '#server/channels/twilio/send';
import { twilioMediaHeaders, twilioWebhook } from '#server/channels/twilio/webhook';
import type { ChannelAdapter } from '#server/channels/types';

/**
 * Voicemail through Twilio (/webhooks/twilio/voice). It cannot be answered by voice: a reply goes
 * out as an SMS to the caller's number from Braid's Twilio number, or fails with a clear reason
 * when SMS is not configured.
 */
export const voiceAdapter: ChannelAdapter = {
  kind: 'voice',
  enabled: (ctx) => twilioSendOn(ctx, 'sms'),
  async send(job, ctx) {
    if (!twilioSendOn(ctx, 'sms')) {
      return refuseSend(
        'voicemail replies are sent by SMS, and SMS is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)',
      );
    }
    return sendViaTwilio(ctx, 'sms', job.identity.address, outboundText(job));
  },
  replyFacts: NO_REPLY_FACTS,
  webhooks: [twilioWebhook],
  mediaHeaders: twilioMediaHeaders,
};
