import type { WidgetSend } from '#shared/widget';
import type { NormalizedInbound } from '#server/domain/inbound';
import { defineReplyFacts } from '#server/channels/kit/replyFacts';
import type { ReplyFacts } from '#server/channels/types';

/** The visitor id is the address; it is also kept on the identity so the widget finds its history. */
export const WEBCHAT_REPLY_FACTS = defineReplyFacts('visitorId');

/**
 * A visitor's widget message as the ingest takes it. The pre-chat email goes in as a claimed
 * from.email: anyone can type anyone's address, so it only suggests a link to the customer who
 * already uses that email (an agent confirms it).
 */
export function parseVisitorMessage(visitorId: string, p: WidgetSend, pageUrl?: string): NormalizedInbound {
  return {
    channel: 'webchat',
    transport: 'widget',
    providerMessageId: `${visitorId}:${p.clientId}`,
    from: { address: visitorId, displayName: p.profile?.name, email: p.profile?.email, claimed: true },
    text: p.text,
    attachments: [],
    providerTs: null,
    replyFacts: { visitorId } satisfies ReplyFacts<typeof WEBCHAT_REPLY_FACTS>,
    meta: pageUrl ? { pageUrl: pageUrl.slice(0, 500) } : {},
  };
}
