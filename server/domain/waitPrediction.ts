/** What the live queue looks like when a new episode opens. */
export interface QueueFacts {
  /** Recent first-response times of the team (ms, business time when it keeps hours). */
  recentFirstResponses: number[];
  /** Customers of the team already waiting for a first answer. */
  waitingAhead: number;
  /** Team agents online now. */
  agentsOnline: number;
}

/** Used when the team has no history yet. */
export const DEFAULT_FIRST_RESPONSE_MS = 15 * 60_000;
const MAX_PREDICTION_MS = 24 * 3_600_000;

/** Median of a list (null when empty). */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Predict how long a new customer will wait for a first answer: the team's recent median
 * first response, stretched when more customers wait than agents are online to serve
 * them, rounded up to whole minutes and capped at a day.
 */
export function predictWaitMs(q: QueueFacts): number {
  const base = median(q.recentFirstResponses) ?? DEFAULT_FIRST_RESPONSE_MS;
  const load = Math.max(1, (q.waitingAhead + 1) / Math.max(1, q.agentsOnline));
  const offlinePenalty = q.agentsOnline === 0 ? 2 : 1;
  const ms = Math.min(MAX_PREDICTION_MS, base * load * offlinePenalty);
  return Math.max(60_000, Math.ceil(ms / 60_000) * 60_000);
}
