import type { ChannelKind } from '../../shared/channels';
import { apiAdapter } from './api';
import type { ChannelAdapter, ChannelRegistry } from './types';

// Channels whose provider adapter is not wired yet refuse sends with a clear reason.
function notConnected(kind: ChannelKind): ChannelAdapter {
  return {
    kind,
    enabled: () => false,
    send: async () => ({ ok: false, retryable: false, error: `the ${kind} channel is not connected` }),
  };
}

/** Build the registry of channel adapters (one entry per kind, checked by the compiler). */
export function createChannelRegistry(): ChannelRegistry {
  return {
    api: apiAdapter,
    webchat: notConnected('webchat'),
    email: notConnected('email'),
    sms: notConnected('sms'),
    whatsapp: notConnected('whatsapp'),
    voice: notConnected('voice'),
    messenger: notConnected('messenger'),
    instagram: notConnected('instagram'),
    telegram: notConnected('telegram'),
    line: notConnected('line'),
  };
}
