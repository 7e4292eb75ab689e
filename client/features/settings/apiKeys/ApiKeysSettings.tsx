import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, ApiKey } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { useApiKeys } from '#client/api/apiKeys';
import { useFormat } from '#client/i18n/format';
import { AdminPage, AdminTable } from '#client/features/settings/AdminTable';
import { ApiKeyForm } from './ApiKeyForm';
import { NewKeySecret } from './NewKeySecret';
import { RevokeDialog } from './RevokeDialog';

/** Admins create API-channel keys (the secret shown once), see them and revoke them. */
export default function ApiKeysSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const f = useFormat();
  const isAdmin = hasRole(me.role, 'admin');
  const keys = useApiKeys(isAdmin);
  const [fresh, setFresh] = useState<{ name: string; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  if (!isAdmin) return <p className="pad">{t('admin.nav.forbidden')}</p>;
  const list = keys.data ?? [];
  return (
    <AdminPage keys="admin.apiKeys" titleId="api-keys-title" canEdit>
      {fresh ? (
        <NewKeySecret name={fresh.name} secret={fresh.secret} onDone={() => setFresh(null)} />
      ) : (
        <ApiKeyForm onCreated={(name, secret) => setFresh({ name, secret })} />
      )}
      <AdminTable
        query={keys}
        rows={list}
        empty={t('admin.apiKeys.empty')}
        rowClassName={(k) => (k.revokedAt === null ? undefined : 'inactive')}
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
      />
      {revoking && <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} />}
    </AdminPage>
  );
}
