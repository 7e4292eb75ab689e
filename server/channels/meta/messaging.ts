import type { InboundAttachment, NormalizedStatus, ParsedWebhook } from '#server/domain/inbound';
import { arr, compact, msOrNull, num, rec, str, text, type JsonRecord } from '#server/channels/kit/fields';
import { defineReplyFacts } from '#server/channels/kit/replyFacts';
import type { ReplyFacts } from '#server/channels/types';

/**
 * Messenger (object 'page') and Instagram messaging (object 'instagram') share one event shape:
 * entry[].messaging[] with sender.id (PSID / IGSID), recipient.id (Page / IG account), timestamp in
 * ms, and one of message | postback | delivery | read. Echoes of our own sends are ignored.
 * https://developers.facebook.com/documentation/business-messaging/messenger-platform/webhooks/webhook-events
 */

type MessagingChannel = 'messenger' | 'instagram';

/** Messenger replies go out from the Page the customer wrote to. */
export const MESSENGER_REPLY_FACTS = defineReplyFacts('pageId');

/** Instagram replies go out from the account the customer wrote to (kept for multi-account set-ups). */
export const INSTAGRAM_REPLY_FACTS = defineReplyFacts('igAccountId');

/** The reply facts of one messaging event: the Page or IG account it was sent to. */
function accountFacts(channel: MessagingChannel, recipient: string | undefined): Record<string, string> | undefined {
  if (!recipient) return undefined;
  return channel === 'messenger'
    ? ({ pageId: recipient } satisfies ReplyFacts<typeof MESSENGER_REPLY_FACTS>)
    : ({ igAccountId: recipient } satisfies ReplyFacts<typeof INSTAGRAM_REPLY_FACTS>);
}

function attachmentOf(raw: unknown): InboundAttachment | null {
  const a = rec(raw);
  const type = str(a?.type);
  if (!a || !type) return null;
  const payload = rec(a.payload);
  const url = str(payload?.url);
  if (type === 'image' && payload?.sticker_id !== undefined) {
    return { kind: 'sticker', url, providerMediaId: str(payload.sticker_id) };
  }
  if (type === 'image' || type === 'video' || type === 'audio') return { kind: type, url };
  if (type === 'file') return { kind: 'file', url, name: str(a.title) };
  if (type === 'location') {
    const coords = rec(payload?.coordinates);
    const lat = num(coords?.lat);
    const long = num(coords?.long);
    return { kind: 'location', name: str(a.title) ?? (lat !== undefined ? `${lat},${long}` : 'location') };
  }
  // share, story_mention, ig_reel, reel, fallback, template, …: keep the link so nothing is lost.
  return { kind: 'file', url, name: str(a.title) ?? type };
}

function statusesOf(e: JsonRecord, channel: MessagingChannel): NormalizedStatus[] {
  const out: NormalizedStatus[] = [];
  const delivery = rec(e.delivery);
  if (delivery) {
    // `mids` is optional (old clients); a watermark alone cannot be tied to one message.
    for (const mid of arr(delivery.mids)) {
      const id = str(mid);
      if (id)
        out.push({ channel, providerMessageId: id, status: 'delivered', providerTs: msOrNull(delivery.watermark) });
    }
  }
  // Our own send echoed back (Messenger message_echoes; Instagram echoes on the messages field): it went out.
  const echo = rec(e.message);
  const echoMid = str(echo?.mid);
  const tag = str(echo?.metadata);
  if (echo?.is_echo === true && echoMid && tag)
    out.push({ channel, providerMessageId: echoMid, status: 'sent', providerTs: msOrNull(e.timestamp), tag });
  const read = rec(e.read);
  // Instagram read receipts carry the message id; Messenger's carry only a watermark.
  const readMid = str(read?.mid);
  if (read && readMid)
    out.push({ channel, providerMessageId: readMid, status: 'read', providerTs: msOrNull(e.timestamp) });
  return out;
}

/** Appends the messages and statuses of one entry's `messaging[]` array. */
export function parseMessagingEntry(entry: JsonRecord, channel: MessagingChannel, out: ParsedWebhook): void {
  for (const raw of arr(entry.messaging)) {
    const e = rec(raw);
    if (!e) continue;
    out.statuses.push(...statusesOf(e, channel));
    const sender = str(rec(e.sender)?.id);
    const recipient = str(rec(e.recipient)?.id);
    const message = rec(e.message);
    const postback = rec(e.postback);
    if (!sender) continue;
    const replyFacts = accountFacts(channel, recipient);

    if (message) {
      const mid = str(message.mid);
      if (!mid || message.is_echo === true || message.is_deleted === true) continue;
      out.messages.push({
        channel,
        transport: 'meta',
        providerMessageId: mid,
        from: { address: sender },
        text: text(message.text) ?? '',
        attachments: arr(message.attachments)
          .map(attachmentOf)
          .filter((a): a is InboundAttachment => a !== null),
        providerTs: msOrNull(e.timestamp),
        replyFacts,
        meta: compact({
          replyTo: str(rec(message.reply_to)?.mid),
          quickReplyPayload: str(rec(message.quick_reply)?.payload),
          unsupported: message.is_unsupported === true ? true : undefined,
        }),
      });
    } else if (postback) {
      const mid = str(postback.mid);
      if (!mid) continue;
      out.messages.push({
        channel,
        transport: 'meta',
        providerMessageId: mid,
        from: { address: sender },
        text: text(postback.title) ?? text(postback.payload) ?? '',
        attachments: [],
        providerTs: msOrNull(e.timestamp),
        replyFacts,
        meta: compact({ postbackPayload: str(postback.payload) }),
      });
    }
  }
}
