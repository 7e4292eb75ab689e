import { useTranslation } from 'react-i18next';
import { useRetryWebhookDelivery, useWebhookDeliveries } from '#client/api/webhooks';
import { useFormat } from '#client/i18n/format';
import { FailedNote } from '#client/features/settings/MutationNotes';
import { AdminRows } from '#client/features/settings/AdminTable';

/** The latest deliveries to one endpoint: event, status, attempts, answer and last error (refreshed live). */
export function Deliveries({ endpointId }: { endpointId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useWebhookDeliveries(endpointId);
  const retry = useRetryWebhookDelivery(endpointId);
  if (list.isPending) return <p className="muted small">{t('app.loading')}</p>;
  if (list.isError) return <p className="error small">{list.error.message}</p>;
  if (list.data.length === 0) return <p className="muted small">{t('webhooks.noDeliveries')}</p>;
  return (
    <>
      <FailedNote error={retry.error} />
      <AdminRows
        className="deliveries"
        caption={t('webhooks.deliveries')}
        rows={list.data}
        rowClassName={(d) => `delivery-${d.status}`}
        columns={[
          { header: t('webhooks.events'), cell: (d) => t(`webhooks.event.${d.event}`) },
          {
            header: t('admin.apiKeys.status'),
            cell: (d) => (
              <>
                {t(`webhooks.status.${d.status}`)}
                {d.lastError && <span className="error small block">{d.lastError}</span>}
              </>
            ),
          },
          { header: t('webhooks.attempts'), cell: (d) => d.attempts },
          { header: t('webhooks.httpStatus'), cell: (d) => d.lastStatusCode ?? '–' },
          { header: t('audit.when'), cell: (d) => f.dateTime(d.updatedAt) },
        ]}
        actions={(d) =>
          d.status === 'failed' && (
            <button
              type="button"
              className="link small"
              disabled={retry.isPending && retry.variables === d.id}
              onClick={() => retry.mutate(d.id)}
            >
              {t('webhooks.retry')} <span className="sr-only">{t('webhooks.deliveryN', { id: d.id })}</span>
            </button>
          )
        }
      />
    </>
  );
}
