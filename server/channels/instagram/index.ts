import { graphSendOn, sendViaGraph } from '#server/channels/meta/send';
import type { ChannelAdapter } from '#server/channels/types';

/** Instagram Direct through the Graph Send API; read receipts arrive on /webhooks/meta. */
export const instagramAdapter: ChannelAdapter = {
  kind: 'instagram',
  enabled: graphSendOn,
  send: (job, ctx) => sendViaGraph(ctx, 'instagram', job),
};
