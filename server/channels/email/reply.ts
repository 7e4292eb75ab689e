import { randomUUID } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';

/** Threaded replies: the headers that keep an agent's answer in the customer's email thread. */

/** Longest References chain we send (the root plus the most recent ids). */
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
