import type { MessageRow } from '#server/db/mappers';
import type { Attachment } from '#shared/schemas/message';
import type { OutboundJob, ReplyFactsSpec } from '#server/channels/types';
import { withAttachmentLinks } from '#server/domain/attachmentText';

/** The customer's most recent inbound message on the reply's identity, if any (history is newest first). */
export function lastInbound(job: OutboundJob): MessageRow | undefined {
  return job.history.find((m) => m.direction === 'inbound');
}

/** Declare the routing facts a channel keeps for its replies (see ReplyFactsSpec). */
export function defineReplyFacts<K extends string>(...keys: K[]): ReplyFactsSpec<K> {
  return { keys };
}

/** No routing facts: the identity's address is all the channel needs to reply. */
export const NO_REPLY_FACTS: ReplyFactsSpec<never> = { keys: [] };

/**
 * A channel's routing facts for this reply (chat id, page id, phone-number id, transport): each
 * from the customer's latest inbound message on this identity, else from the identity's stored meta.
 */
export function readReplyFacts<K extends string>(
  job: OutboundJob,
  spec: ReplyFactsSpec<K>,
): Partial<Record<K, string>> {
  const fromMessage: Record<string, unknown> = lastInbound(job)?.meta ?? {};
  const out: Partial<Record<K, string>> = {};
  for (const key of spec.keys) {
    const value = fromMessage[key] ?? job.identity.meta[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value);
  }
  return out;
}

/** A permanent failure with a reason an agent can act on. */
export function refuseSend(error: string): { ok: false; retryable: false; error: string } {
  return { ok: false, retryable: false, error };
}

/** Attachments of the reply being sent. */
export function replyAttachments(job: OutboundJob): Attachment[] {
  return job.message.attachments.filter((a) => typeof a.url === 'string');
}

/**
 * The reply text as a text-only channel sends it: attachments become links under the text
 * (the links are unguessable and fetchable by the customer without logging in).
 */
export function outboundText(job: OutboundJob): string {
  return withAttachmentLinks(job.message.text, replyAttachments(job));
}
