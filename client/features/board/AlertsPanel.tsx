import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Alert } from '#shared/schemas/alerts';
import { alertQueries, useAcknowledgeAlert } from '#client/api/alerts';
import { useFormat } from '#client/i18n/format';
import { ErrorNote } from '#client/components/ErrorNote';
import { AlertRulesForm } from './AlertRulesForm';

/** One alert in words: what crossed which threshold, with the figure when it fired. */
export function useAlertText() {
  const { t } = useTranslation();
  return useCallback(
    (a: Pick<Alert, 'kind' | 'threshold' | 'value'>) =>
      t(`board.alerts.kind.${a.kind}`, { value: a.value, threshold: a.threshold }),
    [t],
  );
}

/**
 * The board's team alerts: a badge with how many wait for acknowledgement, the history (newest
 * first, live through `alert.fired` / `alert.cleared` / `alert.acknowledged`), Acknowledge on open ones, and the
 * rules of the chosen team.
 */
export function AlertsPanel({ teamId }: { teamId: number | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const text = useAlertText();
  const list = useQuery(alertQueries.list(null));
  const ack = useAcknowledgeAlert();
  const items = (list.data?.items ?? []).filter((a) => teamId === null || a.teamId === teamId);
  const open = items.filter((a) => a.ackedAt === null);
  return (
    <section className="board-alerts" aria-labelledby="board-alerts-title">
      <h2 id="board-alerts-title">
        {t('board.alerts.title')}
        {/* No badge at zero: "0 to acknowledge" read as something waiting. */}
        {open.length > 0 && (
          <>
            {' '}
            <span className="badge badge-alert">{t('board.alerts.badge', { count: open.length })}</span>
          </>
        )}
      </h2>
      <ErrorNote error={ack.error} say={(reason) => t('board.alerts.ackFailed', { reason })} />
      {items.length === 0 ? (
        <p className="muted">{t('board.alerts.empty')}</p>
      ) : (
        <ul className="board-alert-list">
          {items.slice(0, 20).map((a) => (
            <li key={a.id} className={a.ackedAt === null ? 'board-alert open' : 'board-alert'}>
              <span>
                <strong>{a.teamName}</strong>: {text(a)}
              </span>{' '}
              <span className="muted">
                {t('board.alerts.firedAt', { time: f.dateTime(a.firedAt) })}
                {a.clearedAt !== null && ` · ${t('board.alerts.cleared', { time: f.time(a.clearedAt) })}`}
              </span>{' '}
              {a.ackedAt === null ? (
                <button type="button" className="small" disabled={ack.isPending} onClick={() => ack.mutate(a.id)}>
                  {t('board.alerts.ack')} <span className="sr-only">{text(a)}</span>
                </button>
              ) : (
                <span className="muted">
                  {t('board.alerts.ackedBy', { name: a.ackedByName ?? '?', time: f.time(a.ackedAt) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {teamId !== null && <AlertRulesForm teamId={teamId} />}
    </section>
  );
}
