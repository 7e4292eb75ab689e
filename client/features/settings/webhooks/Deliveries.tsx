import { useTranslation } from 'react-i18next';
import { useRetryWebhookDelivery, useWebhookDeliveries } from '#client/api/webhooks';
import { useFormat } from '#client/i18n/format';
import { FailedNote } from '../MutationNotes';

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
      <table className="admin-table deliveries">
        <caption className="sr-only">{t('webhooks.deliveries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webhooks.events')}</th>
            <th scope="col">{t('admin.apiKeys.status')}</th>
            <th scope="col">{t('webhooks.attempts')}</th>
            <th scope="col">{t('webhooks.httpStatus')}</th>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">
              <span className="sr-only">{t('webhooks.retry')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((d) => (
            <tr key={d.id} className={`delivery-${d.status}`}>
              <td>{t(`webhooks.event.${d.event}`)}</td>
              <td>
                {t(`webhooks.status.${d.status}`)}
                {d.lastError && <span className="error small block">{d.lastError}</span>}
              </td>
              <td>{d.attempts}</td>
              <td>{d.lastStatusCode ?? '–'}</td>
              <td>{f.dateTime(d.updatedAt)}</td>
              <td>
                {d.status === 'failed' && (
                  <button
                    type="button"
                    className="link small"
                    disabled={retry.isPending && retry.variables === d.id}
                    onClick={() => retry.mutate(d.id)}
                  >
                    {t('webhooks.retry')} <span className="sr-only">{t('webhooks.deliveryN', { id: d.id })}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
