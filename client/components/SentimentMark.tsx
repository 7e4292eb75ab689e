import { useTranslation } from 'react-i18next';
import type { Sentiment } from '#shared/schemas/common';
import { isConfident } from '#shared/sentimentConfidence';

const MOUTH: Record<Sentiment['label'], string> = {
  negative: 'M5 11.5q3-2.5 6 0',
  neutral: 'M5 10.5h6',
  positive: 'M5 9.5q3 2.5 6 0',
};

/**
 * A small face for how a message (or the latest inbound one) reads; nothing when unknown. A mark
 * below the confidence bar is drawn faded and dashed and says it is uncertain.
 */
export function SentimentMark({ sentiment }: { sentiment: Sentiment | null }) {
  const { t } = useTranslation();
  if (!sentiment) return null;
  const sure = isConfident(sentiment.confidence);
  const label = t(sure ? 'sentiment.mark' : 'sentiment.uncertainMark', {
    label: t(`sentiment.${sentiment.label}`),
    score: sentiment.score.toFixed(2),
  });
  return (
    <span
      className={`senti senti-${sentiment.label}${sure ? '' : ' senti-uncertain'}`}
      role="img"
      aria-label={label}
      title={label}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="currentColor" opacity="0.18" />
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <circle cx="5.8" cy="6.3" r="1" fill="currentColor" />
        <circle cx="10.2" cy="6.3" r="1" fill="currentColor" />
        <path d={MOUTH[sentiment.label]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
      </svg>
    </span>
  );
}
