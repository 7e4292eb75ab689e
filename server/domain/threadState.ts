import type { ThreadStatus } from '#shared/schemas/common';

/** What an inbound customer message does to the thread's lifecycle. */
export interface InboundTransition {
  status: ThreadStatus;
  /** A resolved thread re-opens as a new episode. */
  startsEpisode: boolean;
}

/** Lifecycle effect of a new inbound message (survey answers and closing courtesies do not re-open). */
export function onInbound(
  current: ThreadStatus | null,
  opts: { isSurveyAnswer?: boolean; isClosingCourtesy?: boolean } = {},
): InboundTransition {
  if (current === null) return { status: 'open', startsEpisode: true };
  if (current === 'resolved') {
    return opts.isSurveyAnswer || opts.isClosingCourtesy
      ? { status: 'resolved', startsEpisode: false }
      : { status: 'open', startsEpisode: true };
  }
  return { status: 'open', startsEpisode: false };
}

/** Lifecycle effect of an agent changing the status; null when nothing changes. */
export function onStatusChange(
  current: ThreadStatus,
  next: ThreadStatus,
): { status: ThreadStatus; endsEpisode: boolean; startsEpisode: boolean } | null {
  if (current === next && next !== 'snoozed') return null;
  return {
    status: next,
    endsEpisode: next === 'resolved' && current !== 'resolved',
    startsEpisode: current === 'resolved' && next !== 'resolved',
  };
}

/** New "waiting since" after an inbound message at `at` (oldest unanswered inbound wins). */
export function waitingAfterInbound(
  waitingSince: number | null,
  lastAgentReplyAt: number | null,
  at: number,
): number | null {
  if (lastAgentReplyAt !== null && at <= lastAgentReplyAt) return waitingSince; // older than our reply: already answered
  return waitingSince === null ? at : Math.min(waitingSince, at);
}
