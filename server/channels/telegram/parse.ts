import type { InboundAttachment, NormalizedInbound, ParsedWebhook } from '#server/domain/inbound';
import {
  arr,
  compact,
  num,
  rec,
  safeEqual,
  secondsToMs,
  str,
  text,
  type JsonRecord,
} from '#server/channels/kit/fields';
import { defineReplyFacts } from '#server/channels/kit/replyFacts';
import type { ReplyFacts } from '#server/channels/types';

/**
 * Telegram Bot API webhook (Update objects): verification and parsing.
 * https://core.telegram.org/bots/api#update
 *
 * providerMessageId = `${chat.id}:${message_id}`. message_id is only unique within a chat, and
 * update_id is unsuitable as a durable key: a redelivered update repeats it (fine for dedupe), but
 * an edit of the same message arrives as a different update_id, and Telegram restarts update_id
 * at a random value after a week without updates, so it could collide with an old message.
 *
 * Edited messages: kept as a NEW message (a note of the edit) with providerMessageId
 * `${chat.id}:${message_id}:edit:${edit_date}` and meta.edited/editOf, so the thread keeps a true
 * record of what the customer said and when; a redelivered edit has the same key and dedupes.
 */

/** Telegram replies go to the chat the update came from (a group's id differs from the user's). */
export const TELEGRAM_REPLY_FACTS = defineReplyFacts('chatId');

/** Compares X-Telegram-Bot-Api-Secret-Token with the configured secret in constant time. */
export function verifyTelegramSecret(expected: string, header: string | undefined): boolean {
  if (!expected || typeof header !== 'string') return false;
  return safeEqual(expected, header);
}

function largestPhoto(photo: unknown): JsonRecord | undefined {
  let best: JsonRecord | undefined;
  let bestScore = -1;
  for (const raw of arr(photo)) {
    const size = rec(raw);
    if (!size || !str(size.file_id)) continue;
    const score = num(size.file_size) ?? (num(size.width) ?? 0) * (num(size.height) ?? 0);
    if (score >= bestScore) {
      best = size;
      bestScore = score;
    }
  }
  return best;
}

function fileAttachment(kind: InboundAttachment['kind'], raw: unknown, name?: string): InboundAttachment | null {
  const file = rec(raw);
  const fileId = str(file?.file_id);
  if (!file || !fileId) return null;
  const attachment: InboundAttachment = { kind, providerMediaId: fileId };
  const mimeType = str(file.mime_type);
  const size = num(file.file_size);
  const fileName = name ?? str(file.file_name);
  if (mimeType) attachment.mimeType = mimeType;
  if (size !== undefined) attachment.size = size;
  if (fileName) attachment.name = fileName;
  return attachment;
}

function attachmentsOf(m: JsonRecord): InboundAttachment[] {
  const photo = largestPhoto(m.photo);
  const audio = rec(m.audio);
  const sticker = rec(m.sticker);
  const location = rec(m.location);
  const venue = rec(m.venue);
  const contact = rec(m.contact);
  const candidates: (InboundAttachment | null)[] = [
    photo ? fileAttachment('image', photo) : null,
    fileAttachment('video', m.animation),
    // An animation is also sent as `document` for old clients: skip the duplicate.
    m.animation ? null : fileAttachment('file', m.document),
    fileAttachment('audio', m.voice),
    fileAttachment('audio', m.audio, str(audio?.file_name) ?? str(audio?.title)),
    fileAttachment('video', m.video),
    fileAttachment('video', m.video_note),
    sticker ? fileAttachment('sticker', sticker, str(sticker.emoji)) : null,
  ];
  if (location) {
    const name = str(venue?.title) ?? `${num(location.latitude)},${num(location.longitude)}`;
    candidates.push({ kind: 'location', name });
  }
  if (contact) {
    const name = [str(contact.first_name), str(contact.last_name)].filter(Boolean).join(' ');
    candidates.push({ kind: 'contact', name: name || str(contact.phone_number) || 'contact' });
  }
  return candidates.filter((a): a is InboundAttachment => a !== null);
}

/** Telegram omits '+' on some clients; E.164 needs it. */
function e164(phone: string): string {
  const trimmed = phone.trim();
  return trimmed.startsWith('+') ? trimmed : `+${trimmed}`;
}

/** Parses one Bot API Update (message or edited_message); other update kinds yield nothing. */
export function parseTelegramUpdate(json: unknown): ParsedWebhook {
  const out: ParsedWebhook = { messages: [], statuses: [] };
  const update = rec(json);
  const edited = rec(update?.edited_message);
  const m = rec(update?.message) ?? edited;
  const from = rec(m?.from);
  const chat = rec(m?.chat);
  const userId = str(from?.id);
  const chatId = str(chat?.id);
  const messageId = str(m?.message_id);
  if (!m || !from || !userId || !chatId || !messageId || from.is_bot === true) return out;

  const isEdit = !rec(update?.message) && edited !== undefined;
  const baseId = `${chatId}:${messageId}`;
  const editDate = str(m.edit_date);
  const contact = rec(m.contact);
  // Only a contact the user shared about THEMSELVES links their phone to this identity.
  const ownPhone = contact && str(contact.user_id) === userId ? str(contact.phone_number) : undefined;
  const displayName = [str(from.first_name), str(from.last_name)].filter(Boolean).join(' ');
  const location = rec(m.location);

  const message: NormalizedInbound = {
    channel: 'telegram',
    transport: 'telegram',
    providerMessageId: isEdit ? `${baseId}:edit:${editDate ?? '0'}` : baseId,
    from: { address: userId, displayName: displayName || undefined, phone: ownPhone ? e164(ownPhone) : undefined },
    text: text(m.text) ?? text(m.caption) ?? '',
    attachments: attachmentsOf(m),
    providerTs: secondsToMs(isEdit ? (m.edit_date ?? m.date) : m.date),
    replyFacts: { chatId } satisfies ReplyFacts<typeof TELEGRAM_REPLY_FACTS>,
    meta: compact({
      chatType: str(chat?.type),
      messageId,
      updateId: str(update?.update_id),
      username: str(from.username),
      languageCode: str(from.language_code),
      replyTo: str(rec(m.reply_to_message)?.message_id),
      edited: isEdit || undefined,
      editOf: isEdit ? baseId : undefined,
      location: location ? { latitude: num(location.latitude), longitude: num(location.longitude) } : undefined,
    }),
  };
  out.messages.push(message);
  return out;
}
