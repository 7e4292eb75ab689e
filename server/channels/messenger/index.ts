import { MESSENGER_REPLY_FACTS } from '#server/channels/meta/messaging';
import { graphSendOn, sendViaGraph } from '#server/channels/meta/send';
import { metaMediaHeaders, metaWebhook } from '#server/channels/meta/webhook';
import type { ChannelAdapter } from '#server/channels/types';

/** Facebook Messenger: Meta's webhook in, the Graph Send API out from the Page the customer wrote to. */
export const messengerAdapter: ChannelAdapter<typeof MESSENGER_REPLY_FACTS> = {
  kind: 'messenger',
  enabled: graphSendOn,
  send: (job, ctx) => sendViaGraph(ctx, 'messenger', job),
  replyFacts: MESSENGER_REPLY_FACTS,
  webhooks: [metaWebhook],
  mediaHeaders: metaMediaHeaders,
};
