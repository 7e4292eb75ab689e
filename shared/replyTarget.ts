import type { ChannelKind } from './channels';

/** Channels nothing can be sent on: a voicemail is answered by SMS (to the same number), never by voicemail. */
export const RECEIVE_ONLY_CHANNELS: readonly ChannelKind[] = ['voice'];

/** True when a reply can go out on this channel as it is. */
export function isReplyable(kind: ChannelKind): boolean {
  return !RECEIVE_ONLY_CHANNELS.includes(kind);
}

/** What picking a default reply identity looks at. */
export interface ReplyCandidate {
  id: number;
  channel: ChannelKind;
  verified: boolean;
  lastInboundAt: number | null;
}

/**
 * The identity a reply goes to when the agent picks none, most recent first: an identity a reply can
 * go out on whose contact facts are proven; else any replyable one (a visitor whose only identity is
 * an unverified web chat is answered where they wrote); a receive-only one (voicemail, answered by
 * SMS) only when there is nothing else. An unverified identity is never the default while the
 * customer has a verified one: a claimed email must not receive the replies meant for its owner.
 */
export function defaultReplyIdentity<T extends ReplyCandidate>(identities: readonly T[]): T | undefined {
  const recent = [...identities].sort((a, b) => (b.lastInboundAt ?? 0) - (a.lastInboundAt ?? 0) || b.id - a.id);
  return (
    recent.find((i) => isReplyable(i.channel) && i.verified) ??
    (recent.some((i) => i.verified) ? undefined : recent.find((i) => isReplyable(i.channel))) ??
    recent.find((i) => i.verified && !isReplyable(i.channel)) ??
    recent[0]
  );
}
