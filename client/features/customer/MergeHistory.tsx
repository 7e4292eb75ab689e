import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import type { MergeRecord } from '#shared/schemas/customer';
import { useMergeActions } from '#client/api/customers';
import { useFormat } from '#client/i18n/format';

/** The merge audit trail of this customer; each live merge can be undone from its entry. */
export function MergeHistory({
  customerId,
  merges,
  agents,
}: {
  customerId: number;
  merges: MergeRecord[];
  agents: Map<number, Agent>;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const { unmerge } = useMergeActions(customerId);
  const [confirming, setConfirming] = useState<number | null>(null);
  if (merges.length === 0) return null;
  return (
    <ul className="merges" aria-label={t('merge.history')}>
      {merges.map((m) => (
        <li key={m.id}>
          <span>
            {t('merge.entry', {
              name: m.sourceName,
              agent: m.agentId !== null ? (agents.get(m.agentId)?.name ?? '?') : '—',
              time: f.dateTime(m.createdAt),
            })}
          </span>
          {m.undoneAt !== null ? (
            <span className="muted small">{t('merge.undoneAt', { time: f.dateTime(m.undoneAt) })}</span>
          ) : confirming === m.id ? (
            <span className="confirm">
              <span className="small">{t('merge.undoConfirm', { name: m.sourceName })}</span>
              <button
                type="button"
                className="small danger"
                disabled={unmerge.isPending}
                onClick={() => unmerge.mutate(m.id, { onSettled: () => setConfirming(null) })}
              >
                {t('merge.undo')}
              </button>
              <button type="button" className="link small" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="link small" onClick={() => setConfirming(m.id)}>
              {t('merge.undo')}
            </button>
          )}
        </li>
      ))}
      {unmerge.isError && (
        <li role="alert" className="error small">
          {unmerge.error.message}
        </li>
      )}
    </ul>
  );
}
