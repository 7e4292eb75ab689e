import { graphSendOn, sendViaGraph } from '#server/channels/meta/send';
import type { ChannelAdapter } from '#server/channels/types';

/** Facebook Messenger through the Graph Send API; delivery receipts arrive on /webhooks/meta. */
export const messengerAdapter: ChannelAdapter = {
  kind: 'messenger',
  enabled: graphSendOn,
  send: (job, ctx) => sendViaGraph(ctx, 'messenger', job),
};
