import type { MessageRow } from '#server/db/mappers';
import type { OutboundJob } from '#server/channels/types';
import { withAttachmentLinks } from '#server/domain/attachmentText';

/** The customer's most recent inbound message on the reply's identity, if any (history is newest first). */
export function lastInbound(job: OutboundJob): MessageRow | undefined {
  return job.history.find((m) => m.direction === 'inbound');
}

/**
 * A routing fact for the reply (chat id, page id, phone-number id, transport): from the customer's
 * latest inbound message on this identity, else from the identity's stored meta.
 */
export function replyFact(job: OutboundJob, key: string): string | undefined {
  const fromMessage = (lastInbound(job)?.meta as Record<string, unknown> | undefined)?.[key];
  const value = fromMessage ?? job.identity.meta[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** A permanent failure with a reason an agent can act on. */
export function refuseSend(error: string): { ok: false; retryable: false; error: string } {
  return { ok: false, retryable: false, error };
}

/** Attachments of the reply being sent. */
export function replyAttachments(job: OutboundJob): Array<{ url?: string; name?: string; mimeType?: string }> {
  return (job.message.attachments as Array<{ url?: string; name?: string; mimeType?: string }>).filter(
    (a) => typeof a.url === 'string',
  );
}

/**
 * The reply text as a text-only channel sends it: attachments become links under the text
 * (the links are unguessable and fetchable by the customer without logging in).
 */
export function outboundText(job: OutboundJob): string {
  return withAttachmentLinks(job.message.text, replyAttachments(job));
}
