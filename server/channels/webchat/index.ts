import type { ChannelAdapter, ChannelListener } from '#server/channels/types';
import { WEBCHAT_REPLY_FACTS } from './parse';
import { registerWidgetNamespace } from './socket';

/** Open the '/widget' namespace and let replies reach the visitors connected to it. */
const listenForVisitors: ChannelListener = (host) => {
  const widget = registerWidgetNamespace(host);
  host.channelCtx.widgetDeliver = widget.deliver;
  return Promise.resolve(() => {
    host.channelCtx.widgetDeliver = undefined;
    widget.close();
  });
};

/**
 * Web chat: visitors write through the embeddable widget's '/widget' Socket.IO namespace; a reply
 * is pushed live to the visitor's open widget(s). When the visitor is offline the reply is still
 * "sent" — it is stored on their identity and the widget loads it with its history when they come
 * back; the widget then reports it delivered.
 */
export const webchatAdapter: ChannelAdapter<typeof WEBCHAT_REPLY_FACTS> = {
  kind: 'webchat',
  enabled: () => true,
  async send(job, ctx) {
    const live = ctx.widgetDeliver?.(job.identity.address, job.message) ?? false;
    return { ok: true, providerMessageId: `widget-${job.message.id}`, meta: { pushedLive: live } };
  },
  replyFacts: WEBCHAT_REPLY_FACTS,
  listen: listenForVisitors,
};
