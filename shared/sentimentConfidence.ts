/**
 * The one place that says which sentiment marks are confident. Marks at or above this confidence
 * count in sentiment alerts, averages and the sentiment-lift report; the UI shows the others as
 * uncertain. Marks stored before confidence existed (null) count as confident, as they always did.
 */
export const CONFIDENT_AT = 0.6;

/** True when a mark with this confidence may drive alerts and reports. */
export function isConfident(confidence: number | null | undefined): boolean {
  return confidence === null || confidence === undefined || confidence >= CONFIDENT_AT;
}
