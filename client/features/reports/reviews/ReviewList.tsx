import { AppLink } from '#client/components/AppLink';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { useReviewMutations, useReviews } from '#client/api/reviews';
import { useFormat } from '#client/i18n/format';

/** Reviews of the viewer (or, for leads and above, of one agent), with their comments; the reviewed agent acknowledges. */
export function ReviewList({ me, agentId }: { me: Agent; agentId?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useReviews(agentId);
  const { acknowledge } = useReviewMutations();
  const items = q.data ?? [];
  return (
    <section className="report-card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{agentId === undefined ? t('reports.myReviews') : t('reports.reviews')}</h2>
      {items.length === 0 && <p className="muted">{t('reports.noReviews')}</p>}
      <ul className="review-list">
        {items.map((r) => (
          <li key={r.id} className="review-item">
            <header>
              <AppLink to={`/t/${r.threadId}`}>{r.customerName}</AppLink>{' '}
              <strong className="review-score">{new Intl.NumberFormat(f.locale).format(r.score)}</strong>
              <span className="muted small">
                {' '}
                {t('reports.reviewBy', {
                  scorecard: r.scorecardName,
                  reviewer: r.reviewerName,
                  when: f.dateTime(r.createdAt),
                })}
              </span>
            </header>
            <ul className="review-criteria">
              {r.criteria.map((c, i) => (
                <li key={i}>
                  {c.label}:{' '}
                  {c.scale === 'five' ? `${r.scores[i]}/5` : r.scores[i] ? t('reports.yes') : t('reports.no')}
                </li>
              ))}
            </ul>
            {r.comments.map((c, i) => (
              <blockquote key={i} className="review-note">
                {c.messageExcerpt && <q className="muted small">{c.messageExcerpt}</q>}
                <p>{c.text}</p>
              </blockquote>
            ))}
            {r.acknowledgedAt !== null ? (
              <p className="muted small">{t('reports.acknowledged', { when: f.dateTime(r.acknowledgedAt) })}</p>
            ) : (
              r.agentId === me.id && (
                <button type="button" className="primary" onClick={() => acknowledge.mutate(r.id)}>
                  {t('reports.acknowledge')}
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
