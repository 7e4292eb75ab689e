import { useTranslation } from 'react-i18next';
import { Icon } from '#client/components/Icon';
import type { PendingSend } from './timelineRows';

/** What the agent can do with a send that failed. */
export interface PendingActions {
  retry(send: PendingSend): void;
  discard(send: PendingSend): void;
  edit(send: PendingSend): void;
}

/** A reply or note shown the moment it is sent; if the server refuses it, why, with retry. */
export function PendingItem({ send, actions }: { send: PendingSend; actions: PendingActions }) {
  const { t } = useTranslation();
  const v = send.variables;
  const failed = send.status === 'error';
  return (
    <div
      className={`msg ${v.kind === 'note' ? 'note' : 'outbound'} pending${failed ? ' failed' : ''}`}
      aria-busy={!failed}
    >
      <div className="msg-meta">
        {v.kind === 'note' && (
          <span className="note-tag">
            <Icon name="lock" size={12} /> {t('thread.note')}
          </span>
        )}
        <strong>{t('thread.you')}</strong>
      </div>
      <div className="msg-body" dir="auto">
        {v.text}
      </div>
      <div className="msg-foot">
        {failed ? (
          <span className="delivery delivery-failed" role="alert">
            {t('composer.notSent', { reason: send.error ?? '' })}
            <button type="button" className="link small" onClick={() => actions.retry(send)}>
              {t('delivery.retry')}
            </button>
            <button type="button" className="link small" onClick={() => actions.edit(send)}>
              {t('composer.edit')}
            </button>
            <button type="button" className="link small" onClick={() => actions.discard(send)}>
              {t('composer.discard')}
            </button>
          </span>
        ) : (
          <span className="delivery delivery-queued">
            <span aria-hidden="true">◷</span> {t('composer.sending')}
          </span>
        )}
      </div>
    </div>
  );
}
