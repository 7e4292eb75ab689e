/** Channel kinds Braid speaks, and facts about them both sides need. */
export const CHANNEL_KINDS = [
  'api',
  'webchat',
  'email',
  'sms',
  'whatsapp',
  'voice',
  'messenger',
  'instagram',
  'telegram',
  'line',
] as const;

/** One customer-facing channel. */
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Channels whose identity address is an E.164 phone number (one customer per number). */
export const PHONE_CHANNELS: readonly ChannelKind[] = ['sms', 'whatsapp', 'voice'];

/** True when the channel's identity address is an E.164 phone number. */
export function isPhoneChannel(kind: ChannelKind): boolean {
  return PHONE_CHANNELS.includes(kind);
}

/**
 * True when the channel's identity address is an opaque provider id (web-chat visitor id, Meta PSID,
 * LINE user id, API integration id …) rather than a phone or an email: agents are shown a label instead.
 */
export function hasOpaqueAddress(kind: ChannelKind): boolean {
  return !isPhoneChannel(kind) && kind !== 'email';
}

/** Human label for a channel, used when no translation is loaded. */
export const CHANNEL_LABELS: Record<ChannelKind, string> = {
  api: 'API',
  webchat: 'Web chat',
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  voice: 'Voicemail',
  messenger: 'Messenger',
  instagram: 'Instagram',
  telegram: 'Telegram',
  line: 'LINE',
};
