import { CHANNEL_KINDS } from '#shared/channels';
import type { ChannelHost, ChannelRegistry } from './types';

/** The channels' long-running listeners (SMTP server, widget namespace), started with the app. */
export interface ChannelListeners {
  close(): Promise<void>;
}

/** Start every adapter's listener, in registry order, then log which channels can reply. */
export async function startChannelListeners(host: ChannelHost, registry: ChannelRegistry): Promise<ChannelListeners> {
  const closers: Array<() => Promise<void> | void> = [];
  for (const adapter of Object.values(registry)) {
    const close = adapter.listen ? await adapter.listen(host) : null;
    if (close) closers.push(close);
  }
  logChannels(host, registry);
  return {
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}

/** One line at boot saying which channels can send, so a misconfiguration is visible at once. */
function logChannels(host: ChannelHost, registry: ChannelRegistry): void {
  const on = CHANNEL_KINDS.filter((k) => registry[k].enabled(host.channelCtx));
  const off = CHANNEL_KINDS.filter((k) => !on.includes(k));
  console.log(
    `[channels] replies enabled: ${on.join(', ') || 'none'}${off.length ? `; not configured: ${off.join(', ')}` : ''}`,
  );
}
