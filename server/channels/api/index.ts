import { createHmac } from 'node:crypto';
import type { ChannelAdapter } from '#server/channels/types';
import { httpFailure } from '#server/channels/types';
import { readReplyFacts, replyAttachments } from '#server/channels/kit/replyFacts';
import { API_REPLY_FACTS } from './parse';
import { apiKeys } from '#server/db/schema';
import { eq } from 'drizzle-orm';

/**
 * The API channel: custom integrations post messages with an API key and receive replies
 * at the key's callback URL, signed with HMAC-SHA256 keyed by sha256(api key) so the
 * integration can verify them without Braid storing the key itself.
 */
export const apiAdapter: ChannelAdapter<typeof API_REPLY_FACTS> = {
  kind: 'api',
  enabled: () => true,
  async send(job, ctx) {
    const keyId = Number(readReplyFacts(job, API_REPLY_FACTS).apiKeyId);
    const key = Number.isInteger(keyId) ? ctx.db.select().from(apiKeys).where(eq(apiKeys.id, keyId)).get() : undefined;
    if (!key) return { ok: false, retryable: false, error: 'the API key this customer wrote through no longer exists' };
    if (key.revokedAt !== null)
      return { ok: false, retryable: false, error: 'the API key this customer wrote through was revoked' };
    if (!key.callbackUrl) return { ok: false, retryable: false, error: 'the API key has no callback URL configured' };
    const body = JSON.stringify({
      type: 'message.created',
      message: {
        id: job.message.id,
        text: job.message.text,
        attachments: replyAttachments(job),
        createdAt: job.message.receivedAt,
      },
      customer: { id: job.customer.id, externalId: job.identity.address, name: job.customer.name },
    });
    const signature = createHmac('sha256', key.keyHash).update(body).digest('hex');
    try {
      const res = await ctx.fetch(key.callbackUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-braid-signature': `sha256=${signature}`,
          'x-braid-delivery': String(job.outboxId),
        },
        body,
        timeoutMs: 10_000,
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { ok: true, providerMessageId: `api-${job.message.id}` };
      return httpFailure(res.status, 'callback refused the reply');
    } catch {
      // The same text whatever went wrong, so delivery errors cannot map the network behind Braid.
      return { ok: false, retryable: true, error: 'callback unreachable' };
    }
  },
  // Messages come in on POST /api/channels/api/messages (http/routes/apiChannelRoutes.ts, API-key auth).
  replyFacts: API_REPLY_FACTS,
};
