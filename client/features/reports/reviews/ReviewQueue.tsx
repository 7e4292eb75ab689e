import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REVIEW_QUEUE_REASONS, type ReviewQueueItem, type ReviewQueueReason } from '#shared/schemas/reviews';
import type { ReportFilters } from '#client/api/reports';
import { useReviewQueue } from '#client/api/reviews';
import { useFormat, type Formatters } from '#client/i18n/format';
import { ConversationCell, ScoreCell } from './ScoreButton';
import type { ReviewTarget } from './ReviewForm';
import { TableHead } from '#client/components/TableHead';
import { Select, optionsOf } from '#client/components/Select';
import { ErrorNote } from '#client/components/ErrorNote';
import { Labelled } from '#client/components/Labelled';

/** What the queue knows about a conversation, in words: survey answer, closing mood, SLA breaches, resolution. */
function why(t: TFunction, f: Formatters, it: ReviewQueueItem): string {
  const parts: string[] = [];
  if (it.csat !== null) parts.push(t('reports.queueCsat', { score: it.csat }));
  if (it.nps !== null) parts.push(t('reports.queueNps', { score: it.nps }));
  if (it.sentimentEnd !== null)
    parts.push(t('reports.queueMood', { score: new Intl.NumberFormat(f.locale).format(it.sentimentEnd) }));
  if (it.slaBreaches > 0) parts.push(t('reports.queueBreaches', { count: it.slaBreaches }));
  parts.push(t('reports.queueResolved', { duration: f.duration(it.resolutionMs) }));
  return parts.join(' · ');
}

/**
 * The review queue of the report's filters: resolved conversations nobody reviewed yet, sampled at
 * random or by what makes them worth a look; each opens its thread or is scored in place.
 */
export function ReviewQueue(p: { filters: ReportFilters; onScore(target: ReviewTarget): void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [reason, setReason] = useState<ReviewQueueReason>('lowCsat');
  const q = useReviewQueue({ ...p.filters, reason });
  const items = q.data ?? [];
  return (
    <section className="report-card" aria-labelledby="queue-title">
      <header className="drill-head">
        <h2 id="queue-title">{t('reports.queue')}</h2>
        <Labelled text={t('reports.queueReason')}>
          <Select
            value={reason}
            options={optionsOf(REVIEW_QUEUE_REASONS, (r) => t(`reports.queueReasons.${r}`))}
            onChange={(r) => setReason(r)}
          />
        </Labelled>
        {reason === 'random' && (
          <button type="button" onClick={() => void q.refetch()}>
            {t('reports.queueAnother')}
          </button>
        )}
      </header>
      <ErrorNote error={q.error} say={(reason) => t('reports.failed', { reason })} />
      {q.isSuccess && items.length === 0 && <p className="muted">{t('reports.queueEmpty')}</p>}
      {items.length > 0 && (
        <table className="report-table">
          <TableHead
            columns={[t('reports.customer'), t('reports.queueAgent'), t('reports.when'), t('reports.queueWhy'), null]}
          />
          <tbody>
            {items.map((it) => (
              <tr key={it.episodeId}>
                <ConversationCell target={it} />
                <td dir="auto">{it.agentName ?? '—'}</td>
                <td>{f.dateTime(it.resolvedAt)}</td>
                <td>{why(t, f, it)}</td>
                <ScoreCell target={it} onScore={p.onScore} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
