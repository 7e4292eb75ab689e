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
  const req = buildTwilioSend(twilioConfig(ctx), {
    channel,
    to,
    text,
    statusCallback: c.PUBLIC_URL ? `${c.PUBLIC_URL.replace(/\/+$/, '')}/webhooks/twilio/status` : undefined,
  });
  return sendProviderRequest(ctx, req, parseTwilioSendResponse);
}

/** The Twilio settings of this installation. */
export function twilioConfig(ctx: ChannelContext): TwilioSendConfig {
  const c = ctx.config;
  return {
    apiBase: c.TWILIO_API_BASE,
    accountSid: c.TWILIO_ACCOUNT_SID ?? '',
    authToken: c.TWILIO_AUTH_TOKEN ?? '',
    from: c.TWILIO_FROM_NUMBER ?? c.TWILIO_WHATSAPP_FROM ?? '',
    whatsappFrom: c.TWILIO_WHATSAPP_FROM,
  };
}

/** To and From as Twilio writes them (`whatsapp:`-prefixed on WhatsApp). */
export function twilioParties(
  cfg: TwilioSendConfig,
  channel: 'sms' | 'whatsapp',
  to: string,
): { to: string; from: string } {
  const bare = (n: string) => (n.startsWith(WHATSAPP_PREFIX) ? n.slice(WHATSAPP_PREFIX.length) : n);
  if (channel !== 'whatsapp') return { to: bare(to), from: cfg.from };
  return { to: WHATSAPP_PREFIX + bare(to), from: WHATSAPP_PREFIX + bare(cfg.whatsappFrom ?? cfg.from) };
}

/** Twilio's Messages resource of the account, and the Basic credentials for it. */
export function twilioMessagesApi(cfg: TwilioSendConfig): { url: string; authorization: string } {
  const basic = Buffer.from(`${cfg.accountSid}:${cfg.authToken}`, 'utf8').toString('base64');
  return {
    url: `${trimBase(cfg.apiBase)}/2010-04-01/Accounts/${encodeURIComponent(cfg.accountSid)}/Messages.json`,
    authorization: `Basic ${basic}`,
  };
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
  const parties = twilioParties(cfg, msg.channel, msg.to);
  const form = new URLSearchParams();
  form.set('To', parties.to);
  form.set('From', parties.from);
  form.set('Body', msg.text);
  if (msg.statusCallback) form.set('StatusCallback', msg.statusCallback);
  const api = twilioMessagesApi(cfg);
  return {
    url: api.url,
    method: 'POST',
    headers: {
      Authorization: api.authorization,
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
