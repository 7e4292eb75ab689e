import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '#shared/schemas/agent';
import { useApiKeys } from '#client/api/apiKeys';
import { useFormat } from '#client/i18n/format';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { ApiKeyForm } from './ApiKeyForm';
import { NewKeySecret } from './NewKeySecret';
import { settingsPage } from '#client/features/settings/settingsPage';
import { RevokeDialog } from './RevokeDialog';

/** Admins create API-channel keys (the secret shown once), see them and revoke them. */
function ApiKeysSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const keys = useApiKeys();
  const [fresh, setFresh] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  return (
    <RecordsPage
      keys="admin.apiKeys"
      query={keys}
      rows={keys.data ?? []}
      inactive={(k) => k.revokedAt !== null}
      footer={revoking && <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} />}
      columns={[
        { header: t('admin.apiKeys.name'), cell: (k) => k.name },
        { header: t('admin.apiKeys.prefix'), cell: (k) => <code>{k.prefix}…</code> },
        {
          header: t('admin.apiKeys.callback'),
          className: 'clamp',
          cell: (k) => k.callbackUrl ?? <span className="muted">{t('admin.apiKeys.noCallback')}</span>,
        },
        { header: t('admin.apiKeys.created'), cell: (k) => f.dateTime(k.createdAt) },
        {
          header: t('admin.apiKeys.status'),
          cell: (k) =>
            k.revokedAt === null
              ? t('admin.apiKeys.active')
              : t('admin.apiKeys.revokedAt', { time: f.dateTime(k.revokedAt) }),
        },
      ]}
      actions={(k) =>
        k.revokedAt === null && (
          <button type="button" className="link small" onClick={() => setRevoking(k)}>
            {t('admin.apiKeys.revoke')} <span className="sr-only">{k.name}</span>
          </button>
        )
      }
    >
      {fresh ? (
        <NewKeySecret name={fresh.name} secret={fresh.secret} onDone={() => setFresh(null)} />
      ) : (
        <ApiKeyForm onCreated={(name, secret) => setFresh({ name, secret })} />
      )}
    </RecordsPage>
  );
}

export default settingsPage('apiKeys', ApiKeysSettings);
