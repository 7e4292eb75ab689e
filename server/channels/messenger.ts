import { graphSendOn, sendViaGraph } from './metaSend';
import type { ChannelAdapter } from './types';

/** Facebook Messenger through the Graph Send API; delivery receipts arrive on /webhooks/meta. */
export const messengerAdapter: ChannelAdapter = {
  kind: 'messenger',
  enabled: graphSendOn,
  send: (job, ctx) => sendViaGraph(ctx, 'messenger', job),
};
