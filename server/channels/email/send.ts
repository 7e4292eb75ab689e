import { DELIVERY_SECRET_KEY, ensureSecret, stableUuid } from '#server/services/secrets';
import { localUploadFor } from '#server/services/uploads';
import { lastInbound, refuseSend, replyAttachments } from '#server/channels/kit/replyFacts';
import type { ChannelContext, OutboundJob, SendResult } from '#server/channels/types';
import { buildReplyEmail } from './reply';
import { supportAddresses } from './settings';

/** The mailbox replies come from when the customer's message does not say: SMTP_FROM, else the first support address. */
export function defaultSender(ctx: Pick<ChannelContext, 'config'>): string | undefined {
  return ctx.config.SMTP_FROM ?? supportAddresses(ctx.config)[0];
}

/** The mailbox a reply comes from: the support address the customer wrote to, else the default sender. */
function senderFor(job: OutboundJob, ctx: ChannelContext): string | undefined {
  const support = supportAddresses(ctx.config);
  const meta = (lastInbound(job)?.meta ?? {}) as { to?: unknown; cc?: unknown };
  const wroteTo = [meta.to, meta.cc]
    .flatMap((v) => (Array.isArray(v) ? v : []))
    .find((a) => typeof a === 'string' && support.includes(a));
  return (wroteTo as string | undefined) ?? defaultSender(ctx);
}

function domainOf(address: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(address);
  return m ? m[1].toLowerCase() : 'braid.local';
}

/** Classify an SMTP/nodemailer error: 5xx replies are permanent, 4xx and connection problems retry. */
function smtpFailure(err: unknown): SendResult {
  const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
  if (typeof e.responseCode === 'number') {
    const error = `SMTP ${e.responseCode}: ${(e.response ?? e.message ?? '').slice(0, 300)}`;
    return { ok: false, retryable: e.responseCode < 500, error };
  }
  return { ok: false, retryable: true, error: `SMTP server unreachable (${e.code ?? e.message ?? 'error'})` };
}

/**
 * Send an email reply through the SMTP_URL transport, threaded under the customer's latest email
 * (In-Reply-To = its Message-ID, References = its chain + it). The Message-ID is stable per outbox
 * row, so a retried send is recognisable as the same message; it is stored as the reply's provider id.
 */
export async function sendEmail(job: OutboundJob, ctx: ChannelContext): Promise<SendResult> {
  const from = senderFor(job, ctx);
  if (!ctx.sendMail || !from)
    return refuseSend('email replies are not configured (SMTP_URL and SUPPORT_ADDRESSES or SMTP_FROM)');
  const parent = job.history.find(
    (m) => m.direction === 'inbound' && typeof (m.meta as { messageId?: unknown }).messageId === 'string',
  );
  const parentMeta = (parent?.meta ?? {}) as { messageId?: string; references?: unknown };
  const subject = parent?.subject ?? job.history.find((m) => m.subject)?.subject ?? 'Your message';
  const mail = buildReplyEmail({
    from,
    to: job.identity.address,
    subject,
    text: job.message.text,
    inReplyTo: parentMeta.messageId,
    references: Array.isArray(parentMeta.references)
      ? parentMeta.references.filter((r): r is string => typeof r === 'string')
      : undefined,
    messageIdDomain: domainOf(from),
  });
  // Our own uploads travel as real MIME attachments (read from disk, never fetched by URL).
  const files = replyAttachments(job)
    .map((a) => localUploadFor(ctx.db, ctx.config.DATA_DIR, a.url))
    .filter((f) => f !== null);
  if (files.length > 0)
    (mail as { attachments?: unknown }).attachments = files.map((f) => ({
      filename: f.name,
      path: f.path,
      contentType: f.mimeType,
    }));
  mail.messageId = `<${stableUuid(ensureSecret(ctx.db, DELIVERY_SECRET_KEY), `email:${job.outboxId}`)}@${domainOf(from)}>`;
  try {
    await ctx.sendMail(mail as unknown as Record<string, unknown>);
    return { ok: true, providerMessageId: mail.messageId };
  } catch (err) {
    return smtpFailure(err);
  }
}
