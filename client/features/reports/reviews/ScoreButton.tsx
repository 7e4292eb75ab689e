import { useTranslation } from 'react-i18next';
import { AppLink } from '#client/components/AppLink';
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

/** A listed conversation's customer cell: the name, linking to the thread. */
export function ConversationCell({ target }: { target: ReviewTarget }) {
  return (
    <td>
      <AppLink to={`/t/${target.threadId}`} dir="auto">
        {target.customerName || `#${target.threadId}`}
      </AppLink>
    </td>
  );
}

/** A listed conversation's last cell: its "Score" button. */
export function ScoreCell(p: { target: ReviewTarget; onScore(target: ReviewTarget): void }) {
  return (
    <td>
      <ScoreButton target={p.target} onScore={p.onScore} />
    </td>
  );
}
