import { useTranslation } from 'react-i18next';
import type { ReviewTarget } from './ReviewForm';

/** "Score" on a listed conversation: opens the scorecard form for that episode. */
export function ScoreButton({ target, onScore }: { target: ReviewTarget; onScore(target: ReviewTarget): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      onClick={() =>
        onScore({ episodeId: target.episodeId, threadId: target.threadId, customerName: target.customerName })
      }
    >
      {t('reports.score')}
    </button>
  );
}
