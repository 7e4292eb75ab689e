/** How many recent inbound messages the rolling sentiment averages over. */
export const SENTIMENT_WINDOW = 3;

/** Rolling mean of the last `window` scores at each point (same length as the input). */
export function rollingSentiment(scores: number[], window = SENTIMENT_WINDOW): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    sum += scores[i];
    if (i >= window) sum -= scores[i - window];
    out.push(sum / Math.min(i + 1, window));
  }
  return out;
}

/** How an episode's mood moved from its first to its last customer message. */
export type SentimentChange = 'turned_around' | 'soured' | 'steady';

/**
 * Classify an episode's sentiment arc: "turned around" when it started negative and ended
 * clearly better, "soured" when it started neutral-or-better and ended clearly worse.
 */
export function classifySentimentChange(start: number | null, end: number | null): SentimentChange | null {
  if (start === null || end === null) return null;
  if (start <= -0.2 && end - start >= 0.4) return 'turned_around';
  if (start >= -0.1 && start - end >= 0.4) return 'soured';
  return 'steady';
}
