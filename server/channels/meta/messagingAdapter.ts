import type { ChannelAdapter, ReplyFactsSpec } from '#server/channels/types';
import { graphSendOn, sendViaGraph } from './send';
import { metaMediaHeaders, metaWebhook } from './webhook';
import { reconcileByTag } from './reconcile';

/**
 * Messenger and Instagram are the same adapter over Meta's messaging platform: Meta's webhook in,
 * the Graph Send API out, Meta's media credentials; only the kind and the reply facts differ.
 */
export function graphMessagingAdapter<S extends ReplyFactsSpec>(
  kind: 'messenger' | 'instagram',
  replyFacts: S,
): ChannelAdapter<S> {
  return {
    kind,
    enabled: graphSendOn,
    send: (job, ctx) => sendViaGraph(ctx, kind, job),
    // The Send API has no lookup; an echo carrying the send's tag settles an interrupted attempt.
    reconcile: reconcileByTag,
    replyFacts,
    webhooks: [metaWebhook],
    mediaHeaders: metaMediaHeaders,
  };
}
