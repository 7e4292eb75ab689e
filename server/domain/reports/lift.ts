// Sentiment lift: how customers' mood moved from the start to the end of the episodes an agent handled.

/** The confident sentiment marks at the start and end of one episode (null: no confident mark). */
export interface EpisodeArc {
  start: number | null;
  end: number | null;
}

/** Mean change in sentiment over episodes with both marks, and how many got better or worse. */
export interface SentimentLift {
  /** Episodes with a confident start and end mark (the others do not count). */
  count: number;
  /** Mean of end − start over those episodes, on the −1…1 scale, 3 decimals; null when none. */
  lift: number | null;
  /** Episodes that ended at least `STEP` better than they started. */
  improved: number;
  /** Episodes that ended at least `STEP` worse than they started. */
  worsened: number;
}

/** Smallest move in sentiment counted as better or worse (smaller moves are noise of the analyser). */
export const STEP = 0.1;

/**
 * Sentiment lift over episodes. Only episodes whose start and end marks are both confident count
 * (the facts hold confident marks only; a missing mark is null). A single-message episode has the
 * same start and end mark: lift 0, neither improved nor worsened.
 */
export function sentimentLift(arcs: readonly EpisodeArc[]): SentimentLift {
  let count = 0;
  let sum = 0;
  let improved = 0;
  let worsened = 0;
  for (const a of arcs) {
    if (a.start === null || a.end === null) continue;
    const d = a.end - a.start;
    count++;
    sum += d;
    if (d >= STEP - 1e-9) improved++;
    else if (d <= -STEP + 1e-9) worsened++;
  }
  return { count, lift: count === 0 ? null : Math.round((sum / count) * 1000) / 1000, improved, worsened };
}
