import { createHmac } from 'node:crypto';
import type { InboundAttachment, NormalizedInbound, ParsedWebhook } from '#server/domain/inbound';
import { arr, compact, msOrNull, num, rec, safeEqual, str, text, type JsonRecord } from '#server/channels/kit/fields';

/**
 * LINE Messaging API webhook: signature check and parsing.
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
