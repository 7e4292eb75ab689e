import { INSTAGRAM_REPLY_FACTS } from '#server/channels/meta/messaging';
import { graphSendOn, sendViaGraph } from '#server/channels/meta/send';
import { metaMediaHeaders, metaWebhook } from '#server/channels/meta/webhook';
import type { ChannelAdapter } from '#server/channels/types';

/** Instagram Direct: Meta's webhook in (messages, read receipts), the Graph Send API out. */
export const instagramAdapter: ChannelAdapter<typeof INSTAGRAM_REPLY_FACTS> = {
  kind: 'instagram',
  enabled: graphSendOn,
  send: (job, ctx) => sendViaGraph(ctx, 'instagram', job),
  replyFacts: INSTAGRAM_REPLY_FACTS,
  webhooks: [metaWebhook],
  mediaHeaders: metaMediaHeaders,
};
