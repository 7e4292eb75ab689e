import { analyzeSentiment } from './analyzeSentiment';
import type { SentimentLabel, SentimentResult } from './types';

const LABELS: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** Precision, recall and F1 of one label. */
export interface LabelStats {
  precision: number;
  recall: number;
  f1: number;
}

/** How the analyser did on a labelled sample set. */
export interface SentimentEvaluation {
  n: number;
  accuracy: number;
  /** Unweighted mean of the three per-label F1 scores. */
  macroF1: number;
  perLabel: Record<SentimentLabel, LabelStats>;
  /** confusion[expected][predicted] = count. */
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Runs the analyser over labelled samples and reports accuracy, macro-F1, per-label scores and confusion. */
export function evaluateSentiment(
  samples: { text: string; label: SentimentLabel }[],
  analyse: (text: string) => SentimentResult = analyzeSentiment,
): SentimentEvaluation {
  const row = () => ({ negative: 0, neutral: 0, positive: 0 });
  const confusion = { negative: row(), neutral: row(), positive: row() };
  for (const s of samples) confusion[s.label][analyse(s.text).label]++;
  const perLabel = {} as Record<SentimentLabel, LabelStats>;
  for (const l of LABELS) {
    const tp = confusion[l][l];
    const predicted = LABELS.reduce((acc, e) => acc + confusion[e][l], 0);
    const actual = LABELS.reduce((acc, p) => acc + confusion[l][p], 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, actual);
    perLabel[l] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  }
  const correct = LABELS.reduce((acc, l) => acc + confusion[l][l], 0);
  return {
    n: samples.length,
    accuracy: ratio(correct, samples.length),
    macroF1: LABELS.reduce((acc, l) => acc + perLabel[l].f1, 0) / LABELS.length,
    perLabel,
    confusion,
  };
}
