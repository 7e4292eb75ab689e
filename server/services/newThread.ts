import type { ThreadRow } from '#server/db/mappers';
import { ingestStatements } from '#server/db/ingestStatements';
import type { NormalizedInbound } from '#server/domain/inbound';
import { emptyActivity, withMessage } from '#server/domain/threadActivity';
import { routeTeam } from './settingsStore';
import type { Tx } from './tx';

/** What a new customer's first message is known to be before it is stored (its id aside). */
export interface FirstInbound {
  input: NormalizedInbound;
  identityId: number;
  /** Its timeline position (effective inbound time). */
  sortTs: number;
  sentiment: { score: number; label: 'negative' | 'neutral' | 'positive' } | null;
}

/**
 * Create a new customer's thread (open, in the team routing gives its channel) already carrying the
 * activity its first message will give it — waiting since, channels, latest inbound, preview,
 * sentiment — so the row is written with its final values by the insert and the update after the
 * message only adds the message and episode ids: the triggers and the indexes that follow those
 * columns (tallies, board counters, wait histograms, inbox sorts) do their work once, not twice.
 * `appendToThread(…, 'created')` folds the stored message into an empty thread, so any value the
 * message turns out to change (a hook that said it starts no waiting clock) is still written.
 */
export function createThread(tx: Tx, customerId: number, first: FirstInbound, now: number): ThreadRow {
  const { input, sentiment } = first;
  const activity = withMessage(emptyActivity(now), {
    id: 0,
    direction: 'inbound',
    channel: input.channel,
    identityId: first.identityId,
    sortTs: first.sortTs,
    text: input.text,
    subject: input.subject ?? null,
    attachments: input.attachments,
    isAuto: false,
    failed: false,
    noWait: false,
    sentimentScore: sentiment?.score ?? null,
    sentimentLabel: sentiment?.label ?? null,
  });
  return ingestStatements(tx).insertThread.get({
    customerId,
    teamId: routeTeam(tx, input.channel),
    now,
    lastMessageAt: activity.lastMessageAt,
    lastMessagePreview: activity.lastMessagePreview,
    lastInboundAt: activity.lastInboundAt,
    lastInboundChannel: activity.lastInboundChannel,
    lastInboundIdentityId: activity.lastInboundIdentityId,
    lastSentimentScore: activity.lastSentimentScore,
    lastSentimentLabel: activity.lastSentimentLabel,
    waitingSince: activity.waitingSince,
    channels: activity.channels,
  })!;
}
