import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import type { InboundAttachment, NormalizedInbound } from '#server/domain/inbound';
import { kindFromMime } from '#server/channels/kit/fields';
import { htmlToPlainText, sanitizeEmailHtml } from './html';
import { stripQuotedReply } from './quote';

/**
 * Inbound email (from the SMTP listener). Parsing uses mailparser's
 * simpleParser; HTML is sanitised, attachments are reported as metadata only.
 */

function flattenAddresses(field: AddressObject | AddressObject[] | undefined): EmailAddress[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  const out: EmailAddress[] = [];
  const visit = (a: EmailAddress) => {
    if (a.address) out.push(a);
    for (const member of a.group ?? []) visit(member);
  };
  for (const o of objects) for (const a of o.value ?? []) visit(a);
  return out;
}

function lowerAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return flattenAddresses(field).map((a) => (a.address as string).trim().toLowerCase());
}

function referencesOf(mail: ParsedMail): string[] {
  const refs = mail.references;
  if (!refs) return [];
  return (Array.isArray(refs) ? refs : refs.split(/\s+/)).filter((r) => r.length > 0);
}

const OPAQUE_MIME = 'application/octet-stream';

/**
 * One attachment as Braid keeps it. mailparser leaves fields it could not read as `false` or
 * undefined (e.g. `contentType: false` for a `name` parameter holding U+2028), so every field is
 * checked: a part that can't be understood is kept as an opaque file, never a reason to refuse
 * the whole mail (a refusal is a 451 the sender retries forever).
 */
function opaqueSafeAttachment(a: ParsedMail['attachments'][number]): InboundAttachment {
  const mime = typeof a.contentType === 'string' && a.contentType.includes('/') ? a.contentType : OPAQUE_MIME;
  return {
    kind: kindFromMime(mime),
    mimeType: mime,
    name: typeof a.filename === 'string' ? a.filename : undefined,
    size: typeof a.size === 'number' && Number.isFinite(a.size) ? a.size : undefined,
    providerMediaId: typeof a.cid === 'string' ? a.cid : undefined,
  };
}

/**
 * Parses a raw RFC 5322 message into a NormalizedInbound, or null when no To/Cc recipient is one
 * of `supportAddresses` (or the message has no usable From). providerMessageId is the Message-ID
 * header, falling back to sha256 of the raw bytes so re-deliveries still dedupe. `text` has the
 * quoted reply history removed when it can be done reliably; the full body is kept in meta.fullText.
 */
export async function parseInboundEmail(
  raw: Buffer | string,
  supportAddresses: string[],
): Promise<NormalizedInbound | null> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { keepCidLinks: true });
  } catch {
    return null;
  }
  const support = new Set(supportAddresses.map((a) => a.trim().toLowerCase()));
  const to = lowerAddresses(mail.to);
  const cc = lowerAddresses(mail.cc);
  if (![...to, ...cc].some((a) => support.has(a))) return null;
  const sender = flattenAddresses(mail.from)[0];
  if (!sender?.address) return null;
  const address = sender.address.trim().toLowerCase();

  const html = typeof mail.html === 'string' && mail.html.trim() !== '' ? sanitizeEmailHtml(mail.html) : undefined;
  const fullText = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToPlainText(mail.html) : '';
  const reply = stripQuotedReply(fullText);
  const rawBytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const date = mail.date?.getTime();
  const references = referencesOf(mail);

  const message: NormalizedInbound = {
    channel: 'email',
    transport: 'smtp',
    providerMessageId: mail.messageId ?? `sha256:${createHash('sha256').update(rawBytes).digest('hex')}`,
    from: { address, displayName: sender.name || undefined, email: address },
    text: reply.text,
    attachments: mail.attachments.map(opaqueSafeAttachment),
    providerTs: date !== undefined && Number.isFinite(date) ? date : null,
    meta: {
      messageId: mail.messageId ?? null,
      inReplyTo: mail.inReplyTo ?? null,
      references,
      to,
      cc,
      ...(reply.stripped ? { fullText } : {}),
    },
  };
  if (html !== undefined) message.html = html;
  if (mail.subject !== undefined) message.subject = mail.subject;
  return message;
}
