import { describe, expect, it } from 'vitest';
import { scoreProblem, weightedScore, type ScoredCriterion } from '#server/domain/reports/scorecard';

const rubric: ScoredCriterion[] = [
  { weight: 2, scale: 'five' }, // empathy
  { weight: 1, scale: 'five' }, // accuracy
  { weight: 1, scale: 'yesNo' }, // followed the refund policy
];

describe('scorecard scoring', () => {
  it.each([
    [[5, 5, 1], 100],
    [[1, 1, 0], 0],
    [[3, 5, 1], 75], // (2·½ + 1·1 + 1·1) / 4
    [[4, 2, 0], 43.8], // (2·¾ + 1·¼ + 0) / 4 = 0.4375
    [[5, 1, 0], 50],
  ])('scores %j as %d', (values, expected) => {
    expect(scoreProblem(rubric, values)).toBeNull();
    expect(weightedScore(rubric, values)).toBe(expected);
  });

  it.each([
    [[5, 5], 'expected 3 scores, one per criterion, got 2'],
    [[0, 5, 1], 'criterion 1 is scored 1–5'],
    [[5, 6, 1], 'criterion 2 is scored 1–5'],
    [[5, 5, 2], 'criterion 3 is scored 1 (yes) or 0 (no)'],
  ])('refuses %j', (values, problem) => {
    expect(scoreProblem(rubric, values)).toBe(problem);
  });
});
