import { createHmac } from 'node:crypto';
import type { InboundAttachment, NormalizedInbound, NormalizedStatus, ParsedWebhook } from '#server/domain/inbound';
import { compact, isRecord, kindFromMime, num, safeEqual, text } from '#server/channels/kit/fields';
import { describeTwilioError, param, type TwilioParams } from './params';

export { parseTwilioVoice } from './voice';
export type { TwilioParams } from './params';

/**
 * Twilio Programmable Messaging (SMS + WhatsApp) and the signature rule shared by all Twilio
 * webhooks. Pure: no I/O, no clock. See docs/channels.md for the endpoints that use it.
 */

/** Twilio's prefix for WhatsApp addresses ('whatsapp:+66…'). */
export const WHATSAPP_PREFIX = 'whatsapp:';
const MAX_MEDIA = 10;

/**
 * Computes X-Twilio-Signature: base64 HMAC-SHA1 (key = auth token) over the full URL followed by
 * every POST parameter sorted by name, each as name+value with no separators. Repeated names are
 * expanded with their distinct values sorted, exactly as Twilio's own SDKs do.
 */
export function computeTwilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    const values = Array.isArray(value) ? [...new Set(value)].sort() : [value];
    for (const v of values) data += key + v;
  }
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * Verifies X-Twilio-Signature in constant time. Twilio's SDKs also accept the URL with the default
 * port added or removed (Twilio's signer is inconsistent about it), so both spellings are tried.
 */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: TwilioParams,
  header: string | undefined,
): boolean {
  if (!header || !authToken) return false;
  let matched = false;
  for (const candidate of urlVariants(url)) {
    // Evaluate every variant (no short-circuit) so timing does not reveal which one matched.
    if (safeEqual(computeTwilioSignature(authToken, candidate, params), header)) matched = true;
  }
  return matched;
}

function urlVariants(url: string): string[] {
  const variants = new Set([url]);
  try {
    const { protocol, host } = new URL(url);
    const port = protocol === 'https:' ? '443' : protocol === 'http:' ? '80' : '';
    // `host` omits the port when it is the default one; a non-default port needs no variant.
    if (port && !/:\d+$/.test(host)) {
      const withPort = `${host}:${port}`;
      if (url.includes(`//${withPort}`)) variants.add(url.replace(`//${withPort}`, `//${host}`));
      else variants.add(url.replace(`//${host}`, `//${withPort}`));
    }
  } catch {
    // Not a parseable URL: only the literal string can match.
  }
  return [...variants];
}

/** Splits a Twilio address into Braid's channel and the bare E.164 number ('whatsapp:+66…' → whatsapp). */
function channelOf(address: string | undefined): { channel: 'sms' | 'whatsapp'; address: string } | null {
  if (!address) return null;
  if (address.startsWith(WHATSAPP_PREFIX))
    return { channel: 'whatsapp', address: address.slice(WHATSAPP_PREFIX.length) };
  // Other Twilio channel prefixes (messenger:, rcs:, …) are not wired to Twilio in Braid.
  if (/^[a-z]+:/i.test(address)) return null;
  return { channel: 'sms', address };
}

function mediaOf(params: TwilioParams): InboundAttachment[] {
  const declared = Math.min(num(param(params, 'NumMedia')) ?? 0, MAX_MEDIA);
  const out: InboundAttachment[] = [];
  for (let i = 0; i < MAX_MEDIA; i++) {
    const url = param(params, `MediaUrl${i}`);
    if (!url) {
      if (i >= declared) break;
      continue;
    }
    const mimeType = param(params, `MediaContentType${i}`);
    out.push({ kind: kindFromMime(mimeType), url, mimeType, providerMediaId: url.split('/').pop() || undefined });
  }
  return out;
}

function locationOf(params: TwilioParams): { attachment: InboundAttachment; meta: Record<string, unknown> } | null {
  const latitude = num(param(params, 'Latitude'));
  const longitude = num(param(params, 'Longitude'));
  if (latitude === undefined || longitude === undefined) return null;
  const label = param(params, 'Label');
  const address = param(params, 'Address');
  return {
    attachment: { kind: 'location', name: label ?? address ?? `${latitude},${longitude}` },
    meta: { latitude, longitude, label, address },
  };
}

/**
 * Parses Twilio's incoming-message webhook (SMS/MMS and WhatsApp). The webhook carries no provider
 * timestamp, so providerTs is null and ingest uses its own receive time.
 */
export function parseTwilioMessaging(params: TwilioParams): ParsedWebhook {
  const empty: ParsedWebhook = { messages: [], statuses: [] };
  if (!isRecord(params)) return empty;
  const from = channelOf(param(params, 'From'));
  const sid = param(params, 'MessageSid') ?? param(params, 'SmsMessageSid') ?? param(params, 'SmsSid');
  if (!from || !from.address || !sid) return empty;

  const attachments = mediaOf(params);
  const location = locationOf(params);
  if (location) attachments.push(location.attachment);
  const profileName = param(params, 'ProfileName');
  const meta: Record<string, unknown> = {
    to: param(params, 'To'),
    accountSid: param(params, 'AccountSid'),
    messagingServiceSid: param(params, 'MessagingServiceSid'),
    waId: param(params, 'WaId'),
    replyTo: param(params, 'OriginalRepliedMessageSid'),
    buttonPayload: param(params, 'ButtonPayload'),
    location: location?.meta,
  };
  const message: NormalizedInbound = {
    channel: from.channel,
    transport: 'twilio',
    providerMessageId: sid,
    from: {
      address: from.address,
      displayName: from.channel === 'whatsapp' ? profileName : undefined,
      phone: from.address.startsWith('+') ? from.address : undefined,
    },
    text: text(firstValue(params.Body)) ?? '',
    attachments,
    providerTs: null,
    meta: compact(meta),
  };
  return { messages: [message], statuses: [] };
}

const STATUS_MAP: Record<string, NormalizedStatus['status']> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

/**
 * Parses a Twilio message status callback. Intermediate states (queued, sending, accepted,
 * scheduled) have no NormalizedStatus equivalent and yield nothing; undelivered/failed/canceled
 * become 'failed' with the ErrorCode explained. Status callbacks carry no timestamp.
 */
export function parseTwilioStatus(params: TwilioParams): ParsedWebhook {
  const empty: ParsedWebhook = { messages: [], statuses: [] };
  if (!isRecord(params)) return empty;
  const sid = param(params, 'MessageSid') ?? param(params, 'SmsSid');
  const raw = (param(params, 'MessageStatus') ?? param(params, 'SmsStatus'))?.toLowerCase();
  const status = raw ? STATUS_MAP[raw] : undefined;
  if (!sid || !status) return empty;
  const fromCh = param(params, 'From')?.startsWith(WHATSAPP_PREFIX);
  const toCh = param(params, 'To')?.startsWith(WHATSAPP_PREFIX);
  const code = param(params, 'ErrorCode');
  const error =
    status === 'failed'
      ? code
        ? describeTwilioError(code, param(params, 'ErrorMessage'))
        : raw === 'canceled'
          ? 'canceled before sending'
          : raw
      : undefined;
  const normalized: NormalizedStatus = {
    channel: fromCh || toCh ? 'whatsapp' : 'sms',
    providerMessageId: sid,
    status,
    providerTs: null,
  };
  if (error) normalized.error = error;
  return { messages: [], statuses: [normalized] };
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
