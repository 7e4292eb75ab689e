import { apiAdapter } from './api';
import { emailAdapter } from './email';
import { instagramAdapter } from './instagram';
import { lineAdapter } from './line';
import { messengerAdapter } from './messenger';
import { smsAdapter } from './sms';
import { telegramAdapter } from './telegram';
import type { ChannelRegistry } from './types';
import { voiceAdapter } from './voice';
import { webchatAdapter } from './webchat';
import { whatsappAdapter } from './whatsapp';

/** Build the registry of channel adapters (one entry per kind, checked by the compiler). */
export function createChannelRegistry(): ChannelRegistry {
  return {
    api: apiAdapter,
    webchat: webchatAdapter,
    email: emailAdapter,
    sms: smsAdapter,
    whatsapp: whatsappAdapter,
    voice: voiceAdapter,
    messenger: messengerAdapter,
    instagram: instagramAdapter,
    telegram: telegramAdapter,
    line: lineAdapter,
  };
}
