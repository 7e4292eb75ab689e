import type { InboundAttachment, NormalizedInbound, NormalizedStatus, ParsedWebhook } from '#server/domain/inbound';
import { arr, compact, num, rec, secondsToMs, str, text, type JsonRecord } from '#server/channels/kit/fields';
import { defineReplyFacts } from '#server/channels/kit/replyFacts';
import type { ReplyFacts } from '#server/channels/types';

/**
 * WhatsApp Cloud API `messages` webhook: entry[].changes[].value with messages[] (customer → us)
 * and statuses[] (our outbound messages). Field names follow Meta's webhook reference:
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 */

const MEDIA_KIND: Record<string, InboundAttachment['kind']> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  document: 'file',
  sticker: 'sticker',
};

const STATUS: Record<string, NormalizedStatus['status']> = {
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
};

interface Contact {
  name?: string;
  bsuid?: string;
}

/** Formats WhatsApp error objects ({code, title, message, error_data.details}) as one line. */
export function describeWhatsAppErrors(errors: unknown): string | undefined {
  const first = rec(arr(errors)[0]);
  if (!first) return undefined;
  const code = str(first.code);
  const detail = str(rec(first.error_data)?.details) ?? str(first.message) ?? str(first.title);
  if (code === '131047') return '131047: more than 24 hours since the customer last wrote; send an approved template';
  return [code, detail].filter(Boolean).join(': ') || undefined;
}

function contactsOf(value: JsonRecord): Map<string, Contact> {
  const byId = new Map<string, Contact>();
  for (const c of arr(value.contacts)) {
    const contact = rec(c);
    if (!contact) continue;
    const entry: Contact = { name: str(rec(contact.profile)?.name), bsuid: str(contact.user_id) };
    const waId = str(contact.wa_id);
    if (waId) byId.set(waId, entry);
    if (entry.bsuid) byId.set(entry.bsuid, entry);
  }
  return byId;
}

/** Text and attachments for one message object, by its `type`. */
function contentOf(m: JsonRecord, type: string): { text: string; attachments: InboundAttachment[]; extra: JsonRecord } {
  const body = rec(m[type]);
  const kind = MEDIA_KIND[type];
  if (type === 'text') return { text: text(body?.body) ?? '', attachments: [], extra: {} };
  if (kind && body) {
    const attachment: InboundAttachment = { kind, providerMediaId: str(body.id), mimeType: str(body.mime_type) };
    const name = str(body.filename);
    if (name) attachment.name = name;
    const extra: JsonRecord = type === 'audio' && body.voice === true ? { voiceNote: true } : {};
    return { text: text(body.caption) ?? '', attachments: [attachment], extra };
  }
  if (type === 'location' && body) {
    const latitude = num(body.latitude);
    const longitude = num(body.longitude);
    const label =
      str(body.name) ?? str(body.address) ?? (latitude !== undefined ? `${latitude},${longitude}` : 'location');
    return {
      text: '',
      attachments: [{ kind: 'location', name: label }],
      extra: {
        location: { latitude, longitude, name: str(body.name), address: str(body.address), url: str(body.url) },
      },
    };
  }
  if (type === 'contacts') {
    const cards = arr(m.contacts).map((c) => {
      const card = rec(c);
      return {
        name: str(rec(card?.name)?.formatted_name),
        phones: arr(card?.phones)
          .map((p) => str(rec(p)?.phone))
          .filter(Boolean),
      };
    });
    return {
      text: '',
      attachments: cards.map((c) => ({ kind: 'contact' as const, name: c.name ?? c.phones[0] ?? 'contact' })),
      extra: { sharedContacts: cards },
    };
  }
  if (type === 'interactive' && body) {
    const replyType = str(body.type) ?? '';
    const reply = rec(body[replyType]);
    return {
      text: str(reply?.title) ?? str(rec(body.nfm_reply)?.body) ?? '',
      attachments: [],
      extra: { interactive: { type: replyType, id: str(reply?.id), description: str(reply?.description) } },
    };
  }
  if (type === 'button' && body) {
    return { text: text(body.text) ?? '', attachments: [], extra: { buttonPayload: str(body.payload) } };
  }
  if (type === 'reaction' && body) {
    return { text: text(body.emoji) ?? '', attachments: [], extra: { reactionTo: str(body.message_id) } };
  }
  return { text: '', attachments: [], extra: { unsupported: true } };
}

/**
 * WhatsApp replies go back through the provider the customer wrote on (`transport`, stored by the
 * ingest) and, on the Cloud API, from the business number they wrote to.
 */
export const WHATSAPP_REPLY_FACTS = defineReplyFacts('transport', 'phoneNumberId', 'addressKind');

function messageOf(
  m: JsonRecord,
  contacts: Map<string, Contact>,
  meta: JsonRecord,
  phoneNumberId: string | undefined,
): NormalizedInbound | null {
  const id = str(m.id);
  const type = str(m.type) ?? 'unknown';
  const waId = str(m.from);
  const bsuid = str(m.from_user_id);
  if (!id || (!waId && !bsuid) || type === 'system') return null;
  const content = contentOf(m, type);
  // A reaction with an empty emoji is the customer removing a reaction: nothing to show.
  if (type === 'reaction' && content.text === '') return null;
  const contact =
    (waId && contacts.get(waId)) ||
    (bsuid && contacts.get(bsuid)) ||
    (contacts.size === 1 ? [...contacts.values()][0] : undefined);
  const context = rec(m.context);
  return {
    channel: 'whatsapp',
    transport: 'meta',
    providerMessageId: id,
    // wa_id is the E.164 number without '+'. A username-only user has no phone in the payload
    // (business-scoped user id only): the BSUID is used as the address and flagged in meta.
    from: {
      address: waId ? `+${waId.replace(/^\+/, '')}` : (bsuid as string),
      displayName: contact?.name,
      phone: waId ? `+${waId.replace(/^\+/, '')}` : undefined,
    },
    text: content.text,
    attachments: content.attachments,
    providerTs: secondsToMs(m.timestamp),
    replyFacts: compact({ phoneNumberId, addressKind: waId ? 'phone' : 'bsuid' }) satisfies ReplyFacts<
      typeof WHATSAPP_REPLY_FACTS
    >,
    meta: compact({
      ...meta,
      type,
      waId,
      bsuid: bsuid ?? contact?.bsuid,
      replyTo: str(context?.id),
      forwarded: context?.forwarded === true || context?.frequently_forwarded === true || undefined,
      errors: m.errors === undefined ? undefined : describeWhatsAppErrors(m.errors),
      ...content.extra,
    }),
  };
}

function statusOf(s: JsonRecord): NormalizedStatus | null {
  const id = str(s.id);
  const status = STATUS[str(s.status) ?? ''];
  if (!id || !status) return null;
  const normalized: NormalizedStatus = {
    channel: 'whatsapp',
    providerMessageId: id,
    status,
    providerTs: secondsToMs(s.timestamp),
  };
  const tag = str(s.biz_opaque_callback_data);
  if (tag) normalized.tag = tag;
  const error = describeWhatsAppErrors(s.errors);
  if (status === 'failed') normalized.error = error ?? 'failed';
  return normalized;
}

/** Appends the messages and statuses of one `changes[].value` object (field 'messages'). */
export function parseWhatsAppValue(value: JsonRecord, out: ParsedWebhook): void {
  const metadata = rec(value.metadata);
  const phoneNumberId = str(metadata?.phone_number_id);
  const meta: JsonRecord = { displayPhoneNumber: str(metadata?.display_phone_number) };
  const contacts = contactsOf(value);
  for (const m of arr(value.messages)) {
    const r = rec(m);
    const msg = r && messageOf(r, contacts, meta, phoneNumberId);
    if (msg) out.messages.push(msg);
  }
  for (const s of arr(value.statuses)) {
    const r = rec(s);
    const status = r && statusOf(r);
    if (status) out.statuses.push(status);
  }
}
