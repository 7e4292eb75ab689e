import { graphSendOn, sendViaGraph } from './metaSend';
import type { ChannelAdapter } from './types';

/** Instagram Direct through the Graph Send API; read receipts arrive on /webhooks/meta. */
export const instagramAdapter: ChannelAdapter = {
  kind: 'instagram',
  enabled: graphSendOn,
  send: (job, ctx) => sendViaGraph(ctx, 'instagram', job),
};
