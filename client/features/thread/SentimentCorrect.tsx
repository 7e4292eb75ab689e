import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SENTIMENT_LABELS, type Sentiment } from '#shared/schemas/common';
import { SentimentMark } from '#client/components/SentimentMark';
import { useCorrectSentiment } from '#client/api/sentimentMutations';

/**
 * A message's sentiment mark as a button: one click opens the three labels, a second click on one of
 * them stores the agent's correction (audited; the workspace's analyser learns from it).
 */
export function SentimentCorrect({ messageId, sentiment }: { messageId: number; sentiment: Sentiment | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const correct = useCorrectSentiment(messageId);
  if (!sentiment) return null;
  return (
    <span className="senti-correct">
      <button
        type="button"
        className="senti-button"
        aria-expanded={open}
        title={t('sentiment.correct')}
        onClick={() => setOpen((o) => !o)}
      >
        <SentimentMark sentiment={sentiment} />
      </button>
      {open && (
        <span className="senti-menu" role="group" aria-label={t('sentiment.correct')}>
          {SENTIMENT_LABELS.map((label) => (
            <button
              key={label}
              type="button"
              aria-pressed={sentiment.label === label}
              disabled={correct.isPending}
              onClick={() => correct.mutate(label, { onSuccess: () => setOpen(false) })}
            >
              {t(`sentiment.${label}`)}
            </button>
          ))}
        </span>
      )}
      {correct.isError && <span role="alert">{t('sentiment.correctFailed')}</span>}
    </span>
  );
}
