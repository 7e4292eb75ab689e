import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpoint } from '#shared/schemas/webhooks';
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useWebhookEndpoints } from '#client/api/webhooks';
import { useFormat } from '#client/i18n/format';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { NewKeySecret } from '#client/features/settings/apiKeys/NewKeySecret';
import { Deliveries } from './Deliveries';
import { WebhookForm } from './WebhookForm';
import { settingsPage } from '#client/features/settings/settingsPage';
import { DangerConfirm } from '#client/features/settings/MutationNotes';

/** Admins register outbound webhook endpoints (the secret shown once), watch deliveries and delete them. */
function WebhooksSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const endpoints = useWebhookEndpoints();
  const [fresh, setFresh] = useState<{ url: string; secret: string; rotated: boolean } | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [asked, setAsked] = useState<{ kind: 'delete' | 'rotate'; endpoint: WebhookEndpoint } | null>(null);
  return (
    <RecordsPage
      keys="webhooks"
      query={endpoints}
      rows={endpoints.data ?? []}
      open={open}
      editor={(e) => <Deliveries endpointId={e.id} />}
      columns={[
        { header: t('webhooks.url'), className: 'clamp', cell: (e) => <code>{e.url}</code> },
        { header: t('webhooks.events'), cell: (e) => e.events.map((x) => t(`webhooks.event.${x}`)).join(', ') },
        {
          header: t('webhooks.deliveries'),
          cell: (e) => (
            <>
              {t('webhooks.counts', e.counts)}
              {e.lastError && (
                <span className="error small block">{t('webhooks.lastError', { error: e.lastError })}</span>
              )}
            </>
          ),
        },
        { header: t('webhooks.created'), cell: (e) => f.dateTime(e.createdAt) },
      ]}
      actions={(e) => (
        <>
          <button
            type="button"
            className="link small"
            aria-expanded={open === e.id}
            onClick={() => setOpen(open === e.id ? null : e.id)}
          >
            {open === e.id ? t('webhooks.hideDeliveries') : t('webhooks.showDeliveries')}{' '}
            <span className="sr-only">{e.url}</span>
          </button>
          {(['rotate', 'delete'] as const).map((kind) => (
            <button key={kind} type="button" className="link small" onClick={() => setAsked({ kind, endpoint: e })}>
              {t(`webhooks.${kind}`)} <span className="sr-only">{e.url}</span>
            </button>
          ))}
        </>
      )}
      footer={
        asked && (
          <EndpointConfirm
            kind={asked.kind}
            endpoint={asked.endpoint}
            onClose={() => setAsked(null)}
            onRotated={(secret) => setFresh({ url: asked.endpoint.url, secret, rotated: true })}
          />
        )
      }
    >
      {fresh ? (
        <NewKeySecret
          name={fresh.url}
          secret={fresh.secret}
          title={t(fresh.rotated ? 'webhooks.rotatedTitle' : 'webhooks.secretTitle', { name: fresh.url })}
          once={t('webhooks.secretOnce')}
          onDone={() => setFresh(null)}
        />
      ) : (
        <WebhookForm onCreated={(url, secret) => setFresh({ url, secret, rotated: false })} />
      )}
    </RecordsPage>
  );
}

/** Ask before deleting an endpoint or rotating its secret (the new secret is then shown once). */
function EndpointConfirm({
  kind,
  endpoint,
  onClose,
  onRotated,
}: {
  kind: 'delete' | 'rotate';
  endpoint: WebhookEndpoint;
  onClose(): void;
  onRotated(secret: string): void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const confirm = () => {
    if (kind === 'delete') remove.mutate(endpoint.id, { onSuccess: onClose });
    else
      rotate.mutate(endpoint.id, {
        onSuccess: (r) => {
          onRotated(r.secret);
          onClose();
        },
      });
  };
  return (
    <DangerConfirm
      title={t(`webhooks.${kind}Title`)}
      body={t(`webhooks.${kind}Body`, { url: endpoint.url })}
      confirmLabel={t(`webhooks.${kind}`)}
      mutation={kind === 'delete' ? remove : rotate}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}

export default settingsPage('webhooks', WebhooksSettings);
