import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '#client/components/Dialog';
import { useMessages } from '#client/api/threads';
import { useReviewMutations } from '#client/api/reviews';
import { useScorecards } from '#client/api/scorecards';

/** What is being scored: one episode of a thread. */
export interface ReviewTarget {
  episodeId: number;
  threadId: number;
  customerName: string;
}

/**
 * Score one episode against a scorecard: a value per criterion (1–5 or yes/no) and comments, each on
 * one of the episode's messages or on the whole conversation.
 */
export function ReviewForm({ target, onClose }: { target: ReviewTarget; onClose(): void }) {
  const { t } = useTranslation();
  const cards = useScorecards().data ?? [];
  const [cardId, setCardId] = useState<number | null>(null);
  const card = cards.find((c) => c.id === cardId) ?? cards[0];
  const [scores, setScores] = useState<Record<number, number>>({});
  const [comments, setComments] = useState<Array<{ messageId: number | null; text: string }>>([]);
  const [draft, setDraft] = useState({ messageId: '', text: '' });
  const msgs = (useMessages(target.threadId).data?.pages ?? [])
    .flatMap((p) => p.items)
    .filter((m) => m.episodeId === target.episodeId && (m.direction === 'inbound' || m.direction === 'outbound'));
  const { review } = useReviewMutations();
  const values = card ? card.criteria.map((c, i) => scores[i] ?? (c.scale === 'five' ? 3 : 1)) : [];
  const addDraft = () => {
    if (!draft.text.trim()) return;
    setComments([
      ...comments,
      { messageId: draft.messageId ? Number(draft.messageId) : null, text: draft.text.trim() },
    ]);
    setDraft({ messageId: '', text: '' });
  };
  return (
    <Dialog
      title={t('reports.scoreTitle', { customer: target.customerName })}
      onClose={onClose}
      className="review-dialog"
    >
      {!card ? (
        <p>{t('reports.noScorecards')}</p>
      ) : (
        <form
          className="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            review.mutate(
              { scorecardId: card.id, episodeId: target.episodeId, scores: values, comments },
              { onSuccess: onClose },
            );
          }}
        >
          <label>
            {t('reports.scorecard')}
            <select value={card.id} onChange={(e) => setCardId(Number(e.target.value))}>
              {cards.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {card.criteria.map((c, i) => (
            <label key={`${card.id}-${i}`}>
              {c.label}
              <select value={values[i]} onChange={(e) => setScores({ ...scores, [i]: Number(e.target.value) })}>
                {(c.scale === 'five' ? [5, 4, 3, 2, 1] : [1, 0]).map((v) => (
                  <option key={v} value={v}>
                    {c.scale === 'five' ? v : v ? t('reports.yes') : t('reports.no')}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <fieldset className="review-comment">
            <legend>{t('reports.comment')}</legend>
            <label>
              {t('reports.commentOn')}
              <select value={draft.messageId} onChange={(e) => setDraft({ ...draft, messageId: e.target.value })}>
                <option value="">{t('reports.wholeEpisode')}</option>
                {msgs.map((m) => (
                  <option key={m.id} value={m.id}>
                    {(m.direction === 'inbound' ? '← ' : '→ ') + m.text.slice(0, 70)}
                  </option>
                ))}
              </select>
            </label>
            <textarea
              aria-label={t('reports.comment')}
              value={draft.text}
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
              rows={2}
            />
            <button type="button" onClick={addDraft}>
              {t('reports.addComment')}
            </button>
            <ul>
              {comments.map((c, i) => (
                <li key={i}>
                  {c.messageId ? `“${msgs.find((m) => m.id === c.messageId)?.text.slice(0, 60) ?? ''}”: ` : ''}
                  {c.text}
                </li>
              ))}
            </ul>
          </fieldset>
          {review.isError && <p role="alert">{review.error.message}</p>}
          <div className="review-actions">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={review.isPending}>
              {t('reports.submitReview')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
