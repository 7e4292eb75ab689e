import type { ChannelKind } from '#shared/channels';
import type { Message } from '#shared/schemas/message';
import type { Episode } from '#shared/schemas/thread';
import type { SendVariables } from '#client/api/threads';

/** A reply or note still on its way to the server (or refused by it). */
export interface PendingSend {
  mutationId: number;
  variables: SendVariables;
  status: 'pending' | 'error';
  error: string | null;
}

/** One row of the virtualised timeline. Keys are stable, so prepending history never re-keys rows. */
export type TimelineRow =
  | { kind: 'day'; key: string; ts: number }
  | { kind: 'episode'; key: string; ended: Episode | undefined; started: Episode | undefined; startedAt: number }
  | { kind: 'switch'; key: string; from: ChannelKind; to: ChannelKind }
  | { kind: 'message'; key: number; message: Message }
  | { kind: 'pending'; key: string; send: PendingSend };

function dayKey(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/**
 * Interleave the messages with what an agent needs to read a long cross-channel history: day
 * separators, a divider where an episode was resolved and a new one began, and a marker
 * wherever the customer switched channel. Pending sends go last.
 */
export function buildTimelineRows(
  messages: Message[],
  episodes: Episode[],
  pending: PendingSend[] = [],
  hasOlder = false,
): TimelineRow[] {
  const byId = new Map(episodes.map((e) => [e.id, e]));
  const rows: TimelineRow[] = [];
  let day: string | null = null;
  let episodeId: number | null = null;
  let inboundChannel: ChannelKind | null = null;
  for (const m of messages) {
    // The episode divider closes the previous episode, so it comes before the new day's heading.
    if (m.episodeId !== null) {
      if (episodeId !== null && m.episodeId !== episodeId) {
        rows.push({
          kind: 'episode',
          key: `ep-${m.episodeId}`,
          ended: byId.get(episodeId),
          started: byId.get(m.episodeId),
          startedAt: m.sortTs,
        });
      }
      episodeId = m.episodeId;
    }
    // Markers are keyed by the message after them, so prepending history never re-keys a row; and
    // while older pages remain, the first loaded message gets no day heading (its day may begin
    // earlier). So the topmost row is always a message, which the scroll anchor can hold on to.
    const d = dayKey(m.sortTs);
    if (d !== day && !(day === null && hasOlder)) rows.push({ kind: 'day', key: `day-${m.id}`, ts: m.sortTs });
    day = d;
    if (m.direction === 'inbound' && m.channel) {
      if (inboundChannel && m.channel !== inboundChannel)
        rows.push({ kind: 'switch', key: `sw-${m.id}`, from: inboundChannel, to: m.channel });
      inboundChannel = m.channel;
    }
    rows.push({ kind: 'message', key: m.id, message: m });
  }
  for (const send of pending) rows.push({ kind: 'pending', key: `p-${send.variables.clientId}`, send });
  return rows;
}

/** Sentiment scores of the customer's messages, oldest first (for the trend line). */
export function sentimentSeries(messages: Message[], max = 40): number[] {
  const scores: number[] = [];
  for (const m of messages) if (m.direction === 'inbound' && m.sentiment) scores.push(m.sentiment.score);
  return scores.slice(-max);
}

/** The language the customer's latest messages were read in (sentiment detection), if any. */
export function detectedLanguage(messages: Message[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const lang = messages[i].direction === 'inbound' ? messages[i].sentiment?.language : null;
    if (lang && lang !== 'und') return lang;
  }
  return null;
}
