/** Macro-averaged F1 over the three classes of (expected, predicted) class-index pairs. */
export function macroF1(pairs: { expected: number; predicted: number }[]): number {
  let sum = 0;
  for (let c = 0; c < 3; c++) {
    const tp = pairs.filter((p) => p.expected === c && p.predicted === c).length;
    const fp = pairs.filter((p) => p.expected !== c && p.predicted === c).length;
    const fn = pairs.filter((p) => p.expected === c && p.predicted !== c).length;
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / 3;
}
