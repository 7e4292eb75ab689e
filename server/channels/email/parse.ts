import { createHash, randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import type { NormalizedInbound } from '#server/domain/inbound';
import { kindFromMime } from '#server/channels/kit/fields';
import { htmlToPlainText, sanitizeEmailHtml } from './html';
import { stripQuotedReply } from './quote';

/**
 * Inbound email (from the SMTP listener) and threaded replies. Parsing uses mailparser's
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
    attachments: mail.attachments.map((a) => ({
      kind: kindFromMime(a.contentType),
      mimeType: a.contentType,
      name: a.filename,
      size: a.size,
      providerMediaId: a.cid,
    })),
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

const MAX_REFERENCES = 20;

/** Wraps a Message-ID in angle brackets as RFC 5322 requires. */
function bracket(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') ? trimmed : `<${trimmed}>`;
}

/** "Re: " unless the subject already starts with a reply prefix (Re:, RE:, Aw:, Sv:, Odp:, …). */
export function replySubject(subject: string): string {
  const s = subject.trim();
  return /^(re|aw|sv|vs|antw|odp|ynt|回复|答复)(\s*\[\d+\])?\s*[:：]/i.test(s) ? s : `Re: ${s}`.trim();
}

/** Input for a threaded reply to a customer's email. */
export interface ReplyEmailInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Message-ID of the customer's message being answered. */
  inReplyTo?: string;
  /** References of the customer's message (string of ids or array). */
  references?: string[] | string;
  /** Domain for the new Message-ID, e.g. the support mailbox domain. */
  messageIdDomain: string;
}

/**
 * Builds nodemailer options for a reply that threads in every client: a fresh Message-ID,
 * In-Reply-To = the parent's Message-ID, References = the parent's References + its Message-ID.
 */
export function buildReplyEmail(input: ReplyEmailInput): SendMailOptions & { messageId: string } {
  const parentRefs = Array.isArray(input.references)
    ? input.references
    : (input.references ?? '').split(/\s+/).filter(Boolean);
  const parent = input.inReplyTo ? bracket(input.inReplyTo) : undefined;
  // The parent's own id must come last; duplicates are dropped and very long chains keep the
  // root plus the most recent ids (RFC 5322 §3.6.4 allows trimming the middle).
  let references = [...new Set(parentRefs.map(bracket))].filter((r) => r !== parent);
  if (parent) references.push(parent);
  if (references.length > MAX_REFERENCES) references = [references[0], ...references.slice(-(MAX_REFERENCES - 1))];
  const options: SendMailOptions & { messageId: string } = {
    from: input.from,
    to: input.to,
    subject: replySubject(input.subject),
    text: input.text,
    messageId: `<${randomUUID()}@${input.messageIdDomain}>`,
  };
  if (input.html !== undefined) options.html = input.html;
  if (input.inReplyTo) options.inReplyTo = bracket(input.inReplyTo);
  if (references.length > 0) options.references = references;
  return options;
}
