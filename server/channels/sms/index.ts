import { refuseSend, outboundText } from '#server/channels/kit/replyFacts';
import { sendViaTwilio, twilioSendOn } from '#server/channels/twilio/send';
import type { ChannelAdapter } from '#server/channels/types';

/** SMS through Twilio's Messages API; status callbacks come back on /webhooks/twilio/status. */
export const smsAdapter: ChannelAdapter = {
  kind: 'sms',
  enabled: (ctx) => twilioSendOn(ctx, 'sms'),
  async send(job, ctx) {
    if (!twilioSendOn(ctx, 'sms'))
      return refuseSend('SMS is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)');
    return sendViaTwilio(ctx, 'sms', job.identity.address, outboundText(job));
  },
};
