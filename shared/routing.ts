import type { ChannelKind } from './channels';

/** The two kinds of work an agent's capacity is split into. */
export type WorkKind = 'live' | 'async';

/** Channels answered at the customer's pace (email, API); every other channel is live work. */
const ASYNC_CHANNELS: ReadonlySet<ChannelKind> = new Set<ChannelKind>(['email', 'api']);

/** Live (chat, messaging, SMS, voice) or async (email, API) work, by the channel the customer last used. */
export function workKindOf(channel: ChannelKind | null): WorkKind {
  return channel !== null && ASYNC_CHANNELS.has(channel) ? 'async' : 'live';
}

/** A language code reduced to its primary subtag, lower-cased ("zh-CN" → "zh"). */
export function primaryLanguage(code: string): string {
  return code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}
