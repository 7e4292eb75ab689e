/**
 * Response-time metrics of one thread, computed from its persisted timeline. Waiting is
 * tracked per episode: an inbound message left unanswered when an episode is resolved never
 * counts against the next episode.
 */
import type { BusinessSchedule } from './businessHours';
import { elapsedMs } from './elapsed';

/** One persisted message of a thread, as the metrics need it. */
export interface TimelineMessage {
  id: number;
  direction: 'inbound' | 'outbound' | 'note' | 'system';
  /** Provider/sort timestamp. */
  at: number;
  /** Automatic acknowledgement / survey sent by the system: never a response. */
  isAuto?: boolean;
  /** A customer's survey reply: never starts waiting. */
  isSurveyAnswer?: boolean;
  episodeId: number;
}

/** One open→resolved cycle of a thread. */
export interface EpisodeSpan {
  id: number;
  openedAt: number;
  resolvedAt: number | null;
}

/** How long the customer waited for one counted agent reply. */
export interface ReplyTiming {
  messageId: number;
  episodeId: number;
  waitedFrom: number;
  repliedAt: number;
  calendarMs: number;
  businessMs: number;
  /** The first timed reply of its episode (its first response). */
  isFirst: boolean;
}

/** A duration in both calendar time and business time (equal when there is no schedule). */
export interface DurationPair {
  calendarMs: number;
  businessMs: number;
}

/** Response-time metrics of one episode. */
export interface EpisodeMetrics {
  episodeId: number;
  firstResponse: DurationPair | null;
  nextResponses: DurationPair[];
  averageReply: DurationPair | null;
  resolution: DurationPair | null;
  replies: ReplyTiming[];
}

/** Timeline order: by timestamp, then id, so out-of-order delivery cannot reorder a thread. */
function sortTimeline(messages: TimelineMessage[]): TimelineMessage[] {
  return [...messages].sort((a, b) => a.at - b.at || a.id - b.id);
}

/** True for a message that answers the customer: an outbound agent message, not automatic. */
function isCountedReply(m: TimelineMessage): boolean {
  return m.direction === 'outbound' && !m.isAuto;
}

/** True for a message that makes the customer wait: inbound and not a survey answer. */
function startsWaiting(m: TimelineMessage): boolean {
  return m.direction === 'inbound' && !m.isSurveyAnswer;
}

interface ReplyFold {
  /** Counted replies that answered a waiting customer, with their wait start. */
  answered: Array<{ message: TimelineMessage; waitedFrom: number }>;
  /** Per episode: the oldest inbound still unanswered at the end of the timeline. */
  waiting: Map<number, number>;
  /** Episode of the last message in timeline order. */
  lastEpisodeId: number | null;
}

/** One pass over the sorted timeline pairing each counted reply with its oldest unanswered inbound. */
function foldReplies(sorted: TimelineMessage[]): ReplyFold {
  const answered: ReplyFold['answered'] = [];
  const waiting = new Map<number, number>();
  for (const m of sorted) {
    if (startsWaiting(m)) {
      if (!waiting.has(m.episodeId)) waiting.set(m.episodeId, m.at);
    } else if (isCountedReply(m)) {
      const waitedFrom = waiting.get(m.episodeId);
      // No unanswered inbound (second reply in a row, proactive outreach): no timing.
      if (waitedFrom !== undefined) answered.push({ message: m, waitedFrom });
      waiting.delete(m.episodeId);
    }
  }
  const last = sorted[sorted.length - 1];
  return { answered, waiting, lastEpisodeId: last ? last.episodeId : null };
}

/**
 * Timing of every counted agent reply: the wait runs from the oldest inbound message of the
 * same episode not answered by an earlier counted reply. Business time uses `schedule`;
 * without one it equals calendar time.
 */
export function computeReplyTimings(messages: TimelineMessage[], schedule?: BusinessSchedule | null): ReplyTiming[] {
  const seenEpisodes = new Set<number>();
  return foldReplies(sortTimeline(messages)).answered.map(({ message, waitedFrom }) => {
    const isFirst = !seenEpisodes.has(message.episodeId);
    seenEpisodes.add(message.episodeId);
    return {
      messageId: message.id,
      episodeId: message.episodeId,
      waitedFrom,
      repliedAt: message.at,
      calendarMs: message.at - waitedFrom,
      businessMs: elapsedMs(waitedFrom, message.at, schedule),
      isFirst,
    };
  });
}

function pairOf(timing: ReplyTiming): DurationPair {
  return { calendarMs: timing.calendarMs, businessMs: timing.businessMs };
}

/** Mean of the replies' waits, rounded to whole milliseconds; null without replies. */
function averageOf(replies: ReplyTiming[]): DurationPair | null {
  if (replies.length === 0) return null;
  const sum = (pick: (r: ReplyTiming) => number) => replies.reduce((acc, r) => acc + pick(r), 0);
  return {
    calendarMs: Math.round(sum((r) => r.calendarMs) / replies.length),
    businessMs: Math.round(sum((r) => r.businessMs) / replies.length),
  };
}

/**
 * Per-episode metrics, in episode order (openedAt, then id): first response, each next
 * response, the average of all timed replies, and resolution (openedAt → resolvedAt).
 */
export function computeEpisodeMetrics(
  messages: TimelineMessage[],
  episodes: EpisodeSpan[],
  schedule?: BusinessSchedule | null,
): EpisodeMetrics[] {
  const timings = computeReplyTimings(messages, schedule);
  const ordered = [...episodes].sort((a, b) => a.openedAt - b.openedAt || a.id - b.id);
  return ordered.map((episode) => {
    const replies = timings.filter((t) => t.episodeId === episode.id);
    const first = replies.find((t) => t.isFirst);
    return {
      episodeId: episode.id,
      firstResponse: first ? pairOf(first) : null,
      nextResponses: replies.filter((t) => !t.isFirst).map(pairOf),
      averageReply: averageOf(replies),
      resolution:
        episode.resolvedAt === null
          ? null
          : {
              calendarMs: Math.max(0, episode.resolvedAt - episode.openedAt),
              businessMs: elapsedMs(episode.openedAt, episode.resolvedAt, schedule),
            },
      replies,
    };
  });
}

/**
 * Oldest inbound message of the thread's latest episode not yet answered by a counted
 * reply, or null. It does not know whether that episode is resolved: callers ignore it for
 * resolved threads.
 */
export function waitingSince(messages: TimelineMessage[]): number | null {
  const fold = foldReplies(sortTimeline(messages));
  if (fold.lastEpisodeId === null) return null;
  return fold.waiting.get(fold.lastEpisodeId) ?? null;
}
