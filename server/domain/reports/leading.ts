// Indicators that move before NPS does: expectations exceeded, returning customers, compliments.
import { isConfident } from '#shared/sentimentConfidence';
import { share } from './stats';

/** A promise Braid made (the wait in the acknowledgement) and the real first response, if any. */
export interface WaitPromise {
  promisedMs: number;
  /** The first response's wait in the same time as the promise; null when never answered. */
  answeredMs: number | null;
}

/** How many promised waits were beaten. */
export interface Exceeded {
  promised: number;
  exceeded: number;
  share: number | null;
}

/** Share of customers answered sooner than promised (strictly; unanswered never count as beaten). */
export function expectationsExceeded(promises: readonly WaitPromise[]): Exceeded {
  const exceeded = promises.filter((p) => p.answeredMs !== null && p.answeredMs < p.promisedMs).length;
  return { promised: promises.length, exceeded, share: share(exceeded, promises.length) };
}

/** One episode of a customer's thread, as the returning-customer indicator needs it. */
export interface ThreadEpisode {
  episodeId: number;
  threadId: number;
  /** Who resolved it: owner of the customer's return (null: nobody). */
  agentId: number | null;
  openedAt: number;
  resolvedAt: number | null;
  /** First confident sentiment mark of the episode. */
  sentimentStart: number | null;
  /** False for episodes outside the report's filters (they still count as a return). */
  inScope?: boolean;
}

/** Did the customer of one resolved episode write again, and in a better mood? */
export interface ReturnOutcome {
  threadId: number;
  episodeId: number;
  agentId: number | null;
  returned: boolean;
  /** Null when not returned or when either episode has no confident start mark. */
  improved: boolean | null;
}

/** Window in which writing again counts as returning. */
export const RETURN_WINDOW_MS = 30 * 86_400_000;

/**
 * Per customer (one thread each): their first episode resolved in [from, to) and whether an episode
 * of the same thread opened within `windowMs` after that resolution; if so, whether the customer
 * started the new episode in a better mood than the earlier one (confident marks only).
 */
export function returningCustomers(
  episodes: readonly ThreadEpisode[],
  from: number,
  to: number,
  windowMs = RETURN_WINDOW_MS,
): ReturnOutcome[] {
  const byThread = new Map<number, ThreadEpisode[]>();
  for (const e of episodes) (byThread.get(e.threadId) ?? byThread.set(e.threadId, []).get(e.threadId)!).push(e);
  const out: ReturnOutcome[] = [];
  for (const [threadId, list] of byThread) {
    list.sort((a, b) => a.openedAt - b.openedAt || a.episodeId - b.episodeId);
    const i = list.findIndex(
      (e) => e.inScope !== false && e.resolvedAt !== null && e.resolvedAt >= from && e.resolvedAt < to,
    );
    if (i < 0) continue;
    const e = list[i];
    const next = list.slice(i + 1).find((n) => n.openedAt > e.resolvedAt!);
    const returned = next !== undefined && next.openedAt - e.resolvedAt! <= windowMs;
    const improved =
      returned && e.sentimentStart !== null && next.sentimentStart !== null
        ? next.sentimentStart > e.sentimentStart
        : null;
    out.push({ threadId, episodeId: e.episodeId, agentId: e.agentId, returned, improved });
  }
  return out;
}

/** Returning customers summed: how many came back and how many of those came back happier. */
export interface Returning {
  customers: number;
  returned: number;
  share: number | null;
  /** Returns where both moods are known. */
  compared: number;
  improved: number;
  improvedShare: number | null;
}

/** Add up return outcomes. */
export function summarizeReturns(outcomes: readonly ReturnOutcome[]): Returning {
  const returned = outcomes.filter((o) => o.returned).length;
  const compared = outcomes.filter((o) => o.improved !== null).length;
  const improved = outcomes.filter((o) => o.improved === true).length;
  return {
    customers: outcomes.length,
    returned,
    share: share(returned, outcomes.length),
    compared,
    improved,
    improvedShare: share(improved, compared),
  };
}

/** Words that thank, in the four UI languages (and the usual English shorthands). */
const THANKS =
  /(\b(thanks|thank\s*you|thx|ty|cheers|appreciated?|grateful)\b|dzi[eę]k(i|uj[eę]|ujemy)|ขอบคุณ|ขอบใจ|谢谢|謝謝|感谢|感謝|多谢|多謝)/iu;

/** True when a message thanks someone (any of the four languages). */
export function isThanks(text: string): boolean {
  return THANKS.test(text);
}

/** One message of an episode, in order, as the compliment finder needs it. */
export interface EpisodeMessage {
  id: number;
  direction: 'inbound' | 'outbound' | 'note' | 'system';
  /** Author of an agent reply (null for automatic messages and customers). */
  agentId: number | null;
  isAuto: boolean;
  text: string;
  sentimentLabel: string | null;
  sentimentConfidence: number | null;
}

/**
 * Compliments in one episode: customer messages that thank and are confidently positive, written
 * after an agent's reply; each belongs to the author of the latest agent reply before it.
 */
export function findCompliments(ordered: readonly EpisodeMessage[]): Array<{ messageId: number; agentId: number }> {
  const out: Array<{ messageId: number; agentId: number }> = [];
  let lastAgent: number | null = null;
  for (const m of ordered) {
    if (m.direction === 'outbound' && !m.isAuto && m.agentId !== null) lastAgent = m.agentId;
    else if (
      m.direction === 'inbound' &&
      lastAgent !== null &&
      m.sentimentLabel === 'positive' &&
      isConfident(m.sentimentConfidence) &&
      isThanks(m.text)
    )
      out.push({ messageId: m.id, agentId: lastAgent });
  }
  return out;
}
