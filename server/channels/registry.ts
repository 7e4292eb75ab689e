import { apiAdapter } from '#server/channels/api';
import { emailAdapter } from '#server/channels/email';
import { instagramAdapter } from '#server/channels/instagram';
import { lineAdapter } from '#server/channels/line';
import { messengerAdapter } from '#server/channels/messenger';
import { smsAdapter } from '#server/channels/sms';
import { telegramAdapter } from '#server/channels/telegram';
import type { ChannelRegistry } from './types';
import { voiceAdapter } from '#server/channels/voice';
import { webchatAdapter } from '#server/channels/webchat';
import { whatsappAdapter } from '#server/channels/whatsapp';

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
