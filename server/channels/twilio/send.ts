import { buildTwilioSend, parseTwilioSendResponse } from './parse';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelContext, SendResult } from '#server/channels/types';

/** True when Twilio can send on this channel (account, token and a sender number). */
export function twilioSendOn(ctx: ChannelContext, channel: 'sms' | 'whatsapp'): boolean {
  const c = ctx.config;
  const from = channel === 'whatsapp' ? (c.TWILIO_WHATSAPP_FROM ?? c.TWILIO_FROM_NUMBER) : c.TWILIO_FROM_NUMBER;
  return Boolean(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && from);
}

/** Send a text through Twilio's Messages API, asking for status callbacks when PUBLIC_URL is known. */
export function sendViaTwilio(
  ctx: ChannelContext,
  channel: 'sms' | 'whatsapp',
  to: string,
  text: string,
): Promise<SendResult> {
  const c = ctx.config;
  const req = buildTwilioSend(
    {
      apiBase: c.TWILIO_API_BASE,
      accountSid: c.TWILIO_ACCOUNT_SID ?? '',
      authToken: c.TWILIO_AUTH_TOKEN ?? '',
      from: c.TWILIO_FROM_NUMBER ?? c.TWILIO_WHATSAPP_FROM ?? '',
      whatsappFrom: c.TWILIO_WHATSAPP_FROM,
    },
    {
      channel,
      to,
      text,
      statusCallback: c.PUBLIC_URL ? `${c.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/twilio/status` : undefined,
    },
  );
  return sendProviderRequest(ctx, req, parseTwilioSendResponse);
}
