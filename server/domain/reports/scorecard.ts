// Scoring a review against a rubric.

/** One criterion's scale and weight (the label does not matter for scoring). */
export interface ScoredCriterion {
  weight: number;
  scale: 'five' | 'yesNo';
}

/**
 * Why these values do not fit the rubric (null when they do): one value per criterion, 1–5 for a
 * five-point criterion, 0 (no) or 1 (yes) for a yes/no one.
 */
export function scoreProblem(criteria: readonly ScoredCriterion[], values: readonly number[]): string | null {
  if (values.length !== criteria.length)
    return `expected ${criteria.length} scores, one per criterion, got ${values.length}`;
  for (const [i, c] of criteria.entries()) {
    const v = values[i];
    if (c.scale === 'five' && !(Number.isInteger(v) && v >= 1 && v <= 5)) return `criterion ${i + 1} is scored 1–5`;
    if (c.scale === 'yesNo' && v !== 0 && v !== 1) return `criterion ${i + 1} is scored 1 (yes) or 0 (no)`;
  }
  return null;
}

/**
 * Weighted score 0–100: each criterion counts as a fraction (1–5 → 0, ¼, ½, ¾, 1; yes 1, no 0),
 * weighted, to one decimal.
 */
export function weightedScore(criteria: readonly ScoredCriterion[], values: readonly number[]): number {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  const got = criteria.reduce((s, c, i) => s + c.weight * (c.scale === 'five' ? (values[i] - 1) / 4 : values[i]), 0);
  return Math.round((got / total) * 1000) / 10;
}
