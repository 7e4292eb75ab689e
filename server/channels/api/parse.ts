import type { ApiChannelMessage } from '#shared/schemas/apiChannel';
import type { NormalizedInbound } from '#server/domain/inbound';
import { defineReplyFacts } from '#server/channels/kit/replyFacts';
import type { ReplyFacts } from '#server/channels/types';

/** Replies go to the callback URL of the API key the customer's messages came through. */
export const API_REPLY_FACTS = defineReplyFacts('apiKeyId');

/**
 * A message an integration posted, as the ingest takes it. Ids are scoped by the API key, so two
 * integrations can use the same customer and message ids without colliding.
 */
export function parseApiMessage(keyId: number, body: ApiChannelMessage): NormalizedInbound {
  const ts = body.message.timestamp;
  return {
    channel: 'api',
    transport: 'api',
    providerMessageId: `${keyId}:${body.message.id}`,
    from: {
      address: `${keyId}:${body.customer.id}`,
      displayName: body.customer.name,
      email: body.customer.email,
      phone: body.customer.phone,
      // An integration can send any phone or email: a claim, never proof (it is only suggested as a link).
      claimed: true,
    },
    text: body.message.text,
    attachments: body.message.attachments.map((a) => ({
      kind: 'file',
      url: a.url,
      name: a.name,
      mimeType: a.mimeType,
    })),
    providerTs: ts === undefined ? null : typeof ts === 'number' ? ts : Date.parse(ts),
    replyFacts: { apiKeyId: keyId } satisfies ReplyFacts<typeof API_REPLY_FACTS>,
    meta: { externalId: body.customer.id },
  };
}
