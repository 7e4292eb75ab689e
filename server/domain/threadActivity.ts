import type { ChannelKind } from '#shared/channels';
import type { SentimentLabel } from '#shared/schemas/common';
import { previewOf } from './preview';
import { waitingAfterInbound } from './threadState';

/**
 * The thread's "latest activity" columns — last message, latest inbound, waiting since, channels —
 * as ONE pure projection over its messages. Ingest and replies fold one new message in; a merge
 * re-folds the whole history; a voicemail transcript revises one message. Same rules everywhere.
 */

/** The denormalised columns of a thread row that follow from its messages. */
export interface ThreadActivity {
  lastMessageAt: number;
  lastMessageId: number | null;
  lastMessagePreview: string;
  lastInboundAt: number | null;
  lastInboundChannel: ChannelKind | null;
  lastInboundIdentityId: number | null;
  lastSentimentScore: number | null;
  lastSentimentLabel: SentimentLabel | null;
  /** Latest reply by an agent (automatic sends never count). */
  lastAgentReplyAt: number | null;
  /** Oldest inbound message not yet answered by an agent (null when nobody waits). */
  waitingSince: number | null;
  /** Channels the customer wrote on in this thread, in order of first use. */
  channels: ChannelKind[];
}

/** What the projection reads of one customer-visible message (inbound or outbound). */
export interface ActivityMessage {
  id: number;
  direction: 'inbound' | 'outbound';
  channel: ChannelKind | null;
  identityId: number | null;
  sortTs: number;
  text: string;
  subject: string | null;
  attachments: readonly unknown[];
  /** Acknowledgements and survey questions are not answers. */
  isAuto: boolean;
  /** A reply the provider refused never answered anyone: it stops no clock. */
  failed: boolean;
  /** A survey answer or a closing courtesy after a resolve never starts the waiting clock. */
  noWait: boolean;
  sentimentScore: number | null;
  sentimentLabel: SentimentLabel | null;
}

/** A thread with no messages yet (the list sorts it by its creation time). */
export function emptyActivity(createdAt: number): ThreadActivity {
  return {
    lastMessageAt: createdAt,
    lastMessageId: null,
    lastMessagePreview: '',
    lastInboundAt: null,
    lastInboundChannel: null,
    lastInboundIdentityId: null,
    lastSentimentScore: null,
    lastSentimentLabel: null,
    lastAgentReplyAt: null,
    waitingSince: null,
    channels: [],
  };
}

/**
 * Fold one new message into the thread's activity. An inbound message is the latest when it is not
 * older than the current latest (providers may deliver out of order); an agent's reply always is,
 * and it stops the waiting clock unless the provider refused it. Sentiment follows the latest inbound message that has one.
 */
export function withMessage(a: ThreadActivity, m: ActivityMessage): ThreadActivity {
  const isLatest = a.lastMessageId === null || m.sortTs >= a.lastMessageAt || m.direction === 'outbound';
  const next: ThreadActivity = isLatest
    ? {
        ...a,
        lastMessageAt: a.lastMessageId === null ? m.sortTs : Math.max(a.lastMessageAt, m.sortTs),
        lastMessageId: m.id,
        lastMessagePreview: previewOf(m),
      }
    : { ...a };
  if (m.direction === 'outbound') {
    if (m.isAuto || m.failed) return next;
    return { ...next, waitingSince: null, lastAgentReplyAt: m.sortTs };
  }
  if (!m.noWait) next.waitingSince = waitingAfterInbound(a.waitingSince, a.lastAgentReplyAt, m.sortTs);
  if (m.channel !== null && !a.channels.includes(m.channel)) next.channels = [...a.channels, m.channel];
  if (a.lastInboundAt === null || m.sortTs >= a.lastInboundAt) {
    next.lastInboundAt = m.sortTs;
    next.lastInboundChannel = m.channel;
    next.lastInboundIdentityId = m.identityId;
    if (m.sentimentScore !== null && m.sentimentLabel !== null) {
      next.lastSentimentScore = m.sentimentScore;
      next.lastSentimentLabel = m.sentimentLabel;
    }
  }
  return next;
}

/**
 * The activity of a whole history (any order): every message folded in time order. A resolved
 * thread has nobody waiting, whatever its messages say.
 */
export function projectActivity(
  messages: readonly ActivityMessage[],
  createdAt: number,
  resolved: boolean,
): ThreadActivity {
  const ordered = [...messages].sort((x, y) => x.sortTs - y.sortTs || x.id - y.id);
  const folded = ordered.reduce(withMessage, emptyActivity(createdAt));
  return resolved ? { ...folded, waitingSince: null } : folded;
}

/**
 * The activity after one stored message was revised (a voicemail transcript arrived): only the
 * latest message's preview — and, when it is the latest inbound, the sentiment — can change.
 * Null when the revised message is not the thread's latest, so nothing changes.
 */
export function withRevisedMessage(a: ThreadActivity, m: ActivityMessage): ThreadActivity | null {
  if (a.lastMessageId !== m.id) return null;
  const next = { ...a, lastMessagePreview: previewOf(m) };
  const isLatestInbound = a.lastInboundIdentityId === m.identityId && a.lastInboundAt === m.sortTs;
  if (isLatestInbound && m.sentimentScore !== null && m.sentimentLabel !== null) {
    next.lastSentimentScore = m.sentimentScore;
    next.lastSentimentLabel = m.sentimentLabel;
  }
  return next;
}
