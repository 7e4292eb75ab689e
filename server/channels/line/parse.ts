import { createHmac } from 'node:crypto';
import type { InboundAttachment, NormalizedInbound, ParsedWebhook } from '#server/domain/inbound';
import {
  arr,
  compact,
  msOrNull,
  num,
  rec,
  safeEqual,
  str,
  text,
  trimBase,
  type JsonRecord,
} from '#server/channels/kit/fields';
import type { OutboundRequest, SendResult } from '#server/channels/kit/fields';

/**
 * LINE Messaging API webhook and push message.
 * https://developers.line.biz/en/reference/messaging-api/#webhook-event-objects
 *
 * providerMessageId = message.id: unique per message and repeated verbatim when LINE redelivers
 * (deliveryContext.isRedelivery = true, same webhookEventId), so redelivery dedupes naturally.
 * Media bytes are not in the webhook: they are fetched later from
 * api-data.line.me/v2/bot/message/{message.id}/content, hence providerMediaId = message.id.
 */

/** Verifies x-line-signature: base64 HMAC-SHA256 of the raw body keyed with the channel secret. */
export function verifyLineSignature(channelSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!channelSecret || !header || !Buffer.isBuffer(rawBody)) return false;
  const expected = createHmac('sha256', channelSecret).update(rawBody).digest('base64');
  return safeEqual(expected, header.trim());
}

function contentOf(
  message: JsonRecord,
  id: string,
): { text: string; attachments: InboundAttachment[]; extra: JsonRecord } {
  const type = str(message.type) ?? '';
  if (type === 'text') return { text: text(message.text) ?? '', attachments: [], extra: {} };
  if (type === 'image' || type === 'video' || type === 'audio') {
    const provider = rec(message.contentProvider);
    const attachment: InboundAttachment = { kind: type, providerMediaId: id };
    // 'external' content lives at the sender's URL; 'line' content must be fetched from LINE.
    const external = str(provider?.type) === 'external' ? str(provider?.originalContentUrl) : undefined;
    if (external) attachment.url = external;
    return { text: '', attachments: [attachment], extra: { durationMs: num(message.duration) } };
  }
  if (type === 'file') {
    const attachment: InboundAttachment = { kind: 'file', providerMediaId: id, name: str(message.fileName) };
    const size = num(message.fileSize);
    if (size !== undefined) attachment.size = size;
    return { text: '', attachments: [attachment], extra: {} };
  }
  if (type === 'location') {
    const latitude = num(message.latitude);
    const longitude = num(message.longitude);
    const name = str(message.title) ?? str(message.address) ?? `${latitude},${longitude}`;
    return {
      text: '',
      attachments: [{ kind: 'location', name }],
      extra: { location: { latitude, longitude, title: str(message.title), address: str(message.address) } },
    };
  }
  if (type === 'sticker') {
    const keywords = arr(message.keywords).map(str).filter(Boolean);
    return {
      text: text(message.text) ?? '',
      attachments: [
        { kind: 'sticker', providerMediaId: `${str(message.packageId)}/${str(message.stickerId)}`, name: keywords[0] },
      ],
      extra: { stickerResourceType: str(message.stickerResourceType) },
    };
  }
  return { text: '', attachments: [], extra: { unsupported: true } };
}

/** Parses a LINE webhook body; only `message` events from a known user become messages. */
export function parseLineWebhook(json: unknown): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [] };
  const body = rec(json);
  if (!body) return out;
  for (const raw of arr(body.events)) {
    const event = rec(raw);
    const message = rec(event?.message);
    const source = rec(event?.source);
    const userId = str(source?.userId);
    const id = str(message?.id);
    if (!event || str(event.type) !== 'message' || !message || !userId || !id) continue;
    const content = contentOf(message, id);
    const inbound: NormalizedInbound = {
      channel: 'line',
      transport: 'line',
      providerMessageId: id,
      from: { address: userId },
      text: content.text,
      attachments: content.attachments,
      providerTs: msOrNull(event.timestamp),
      meta: compact({
        type: str(message.type),
        webhookEventId: str(event.webhookEventId),
        isRedelivery: rec(event.deliveryContext)?.isRedelivery === true,
        replyToken: str(event.replyToken),
        quoteToken: str(message.quoteToken),
        quotedMessageId: str(message.quotedMessageId),
        mode: str(event.mode),
        sourceType: str(source?.type),
        groupId: str(source?.groupId),
        roomId: str(source?.roomId),
        destination: str(body.destination),
        ...content.extra,
      }),
    };
    out.messages.push(inbound);
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Builds POST {apiBase}/v2/bot/message/push with the X-Line-Retry-Key header. The outbox must
 * persist one retryKey per outbound message and reuse it on every retry, so LINE executes the push
 * at most once. Throws when the key is not a UUID (LINE rejects those with 400).
 */
export function buildLineSend(
  cfg: { apiBase: string; accessToken: string },
  msg: { to: string; text: string; retryKey: string },
): OutboundRequest {
  if (!UUID.test(msg.retryKey)) throw new Error('LINE retryKey must be a UUID');
  return {
    url: `${trimBase(cfg.apiBase)}/v2/bot/message/push`,
    method: 'POST',
    headers: {
      Authorization: `Bearer ${cfg.accessToken}`,
      'Content-Type': 'application/json',
      'X-Line-Retry-Key': msg.retryKey,
    },
    body: JSON.stringify({ to: msg.to, messages: [{ type: 'text', text: msg.text }] }),
  };
}

function header(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return str(Array.isArray(value) ? value[0] : value);
}

/**
 * Classifies a push answer. 200 → sentMessages[0].id. 409 means this retry key was already accepted
 * (an earlier attempt went through): success, id from sentMessages or x-line-accepted-request-id.
 * 5xx and rate-limit 429 are retryable; the monthly-quota 429 and other 4xx are permanent.
 */
export function parseLineSendResponse(
  status: number,
  json: unknown,
  headers?: Record<string, string | string[] | undefined>,
): SendResult {
  const body = rec(json) ?? {};
  const sentId = str(rec(arr(body.sentMessages)[0])?.id);
  if (status >= 200 && status < 300) {
    return sentId
      ? { ok: true, providerMessageId: sentId }
      : { ok: false, retryable: false, error: 'push accepted without a message id' };
  }
  if (status === 409) {
    const accepted = sentId ?? header(headers, 'x-line-accepted-request-id');
    if (accepted) return { ok: true, providerMessageId: sentId ?? `request:${accepted}` };
  }
  const message = str(body.message) ?? `HTTP ${status}`;
  const details = arr(body.details)
    .map((d) => [str(rec(d)?.property), str(rec(d)?.message)].filter(Boolean).join(': '))
    .filter(Boolean);
  const error = `${status}: ${message}${details.length ? ` (${details.join('; ')})` : ''}`;
  const monthlyQuota = status === 429 && /monthly limit/i.test(message);
  return { ok: false, retryable: status >= 500 || (status === 429 && !monthlyQuota), error };
}
