import { useTranslation } from 'react-i18next';
import type { DeliveryStatus as Status } from '#shared/schemas/common';
import { useRetryDelivery } from '#client/api/threads';

const TICKS: Record<Status, string> = { queued: '◷', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' };

/** Delivery ticks of an outbound message; a failure shows its reason and a retry button. */
export function DeliveryStatus({
  messageId,
  status,
  error,
}: {
  messageId: number;
  status: Status;
  error: string | null;
}) {
  const { t } = useTranslation();
  const retry = useRetryDelivery();
  const label = t(`delivery.${status}`);
  if (status !== 'failed') {
    return (
      <span className={`delivery delivery-${status}`} title={label}>
        <span aria-hidden="true">{TICKS[status]}</span> <span className="delivery-label">{label}</span>
      </span>
    );
  }
  return (
    <span className="delivery delivery-failed" role="alert">
      <span aria-hidden="true" className="fail-mark">
        {TICKS.failed}
      </span>{' '}
      {t('delivery.failedReason', { reason: error || t('delivery.unknownReason') })}
      <button
        type="button"
        className="link small"
        onClick={() => retry.mutate(messageId)}
        disabled={retry.isPending || retry.isSuccess}
      >
        {retry.isSuccess ? t('delivery.retrying') : t('delivery.retry')}
      </button>
    </span>
  );
}
