import type { ChannelAdapter } from '#server/channels/types';

/**
 * Web chat: a reply is pushed live to the visitor's open widget(s) over the '/widget' namespace.
 * When the visitor is offline the reply is still "sent" — it is stored on their identity and the
 * widget loads it with its history when they come back; the widget then reports it delivered.
 */
export const webchatAdapter: ChannelAdapter = {
  kind: 'webchat',
  enabled: () => true,
  async send(job, ctx) {
    const live = ctx.widgetDeliver?.(job.identity.address, job.message) ?? false;
    return { ok: true, providerMessageId: `widget-${job.message.id}`, meta: { pushedLive: live } };
  },
};
