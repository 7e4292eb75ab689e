import { isRecord, str, trimBase, type OutboundRequest } from '#server/channels/kit/fields';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelContext, SendResult } from '#server/channels/types';
import { describeTwilioError } from './params';
import { WHATSAPP_PREFIX } from './parse';

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

/** Settings needed to send through Twilio's Messages API. */
export interface TwilioSendConfig {
  apiBase: string;
  accountSid: string;
  authToken: string;
  /** SMS sender, +E.164. */
  from: string;
  /** WhatsApp sender, +E.164 (defaults to `from`). */
  whatsappFrom?: string;
}

/** Builds the form-encoded POST {apiBase}/2010-04-01/Accounts/{sid}/Messages.json request. */
export function buildTwilioSend(
  cfg: TwilioSendConfig,
  msg: { channel: 'sms' | 'whatsapp'; to: string; text: string; statusCallback?: string },
): OutboundRequest {
  const bare = (n: string) => (n.startsWith(WHATSAPP_PREFIX) ? n.slice(WHATSAPP_PREFIX.length) : n);
  const isWa = msg.channel === 'whatsapp';
  const form = new URLSearchParams();
  form.set('To', isWa ? WHATSAPP_PREFIX + bare(msg.to) : bare(msg.to));
  form.set('From', isWa ? WHATSAPP_PREFIX + bare(cfg.whatsappFrom ?? cfg.from) : cfg.from);
  form.set('Body', msg.text);
  if (msg.statusCallback) form.set('StatusCallback', msg.statusCallback);
  const basic = Buffer.from(`${cfg.accountSid}:${cfg.authToken}`, 'utf8').toString('base64');
  return {
    url: `${trimBase(cfg.apiBase)}/2010-04-01/Accounts/${encodeURIComponent(cfg.accountSid)}/Messages.json`,
    method: 'POST',
    headers: {
      Authorization: `Basic ${basic}`,
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      Accept: 'application/json',
    },
    body: form.toString(),
  };
}

/**
 * Classifies the Messages API answer: 2xx with a `sid` is success; 429 (or Twilio code 20429) and
 * 5xx are retryable; other 4xx are permanent and report Twilio's `code: message`.
 */
export function parseTwilioSendResponse(status: number, json: unknown): SendResult {
  const body = isRecord(json) ? json : {};
  const sid = str(body.sid);
  if (status >= 200 && status < 300 && sid) return { ok: true, providerMessageId: sid };
  const code = str(body.code);
  const message = str(body.message);
  const retryable = status === 429 || status >= 500 || code === '20429';
  const error = code ? describeTwilioError(code, message) : (message ?? `HTTP ${status}`);
  return { ok: false, retryable: status >= 200 && status < 300 ? false : retryable, error };
}
