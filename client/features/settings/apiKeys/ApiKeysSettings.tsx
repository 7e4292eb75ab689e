import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, ApiKey } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { useApiKeys } from '#client/api/apiKeys';
import { useFormat } from '#client/i18n/format';
import { SettingsHead } from '#client/features/settings/FormParts';
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
    <section className="settings" aria-labelledby="api-keys-title">
      <SettingsHead id="api-keys-title" title={t('admin.apiKeys.title')} intro={t('admin.apiKeys.intro')} />
      {fresh ? (
        <NewKeySecret name={fresh.name} secret={fresh.secret} onDone={() => setFresh(null)} />
      ) : (
        <ApiKeyForm onCreated={(name, secret) => setFresh({ name, secret })} />
      )}
      {keys.isPending && <p className="muted">{t('app.loading')}</p>}
      {keys.isError && (
        <p className="error small" role="alert">
          {t('admin.form.loadFailed', { reason: keys.error.message })}
        </p>
      )}
      {!keys.isPending && list.length === 0 && <p className="muted">{t('admin.apiKeys.empty')}</p>}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.apiKeys.name')}</th>
            <th scope="col">{t('admin.apiKeys.prefix')}</th>
            <th scope="col">{t('admin.apiKeys.callback')}</th>
            <th scope="col">{t('admin.apiKeys.created')}</th>
            <th scope="col">{t('admin.apiKeys.status')}</th>
            <th scope="col">
              <span className="sr-only">{t('admin.form.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((k) => (
            <tr key={k.id} className={k.revokedAt === null ? undefined : 'inactive'}>
              <th scope="row">{k.name}</th>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td className="clamp">
                {k.callbackUrl ?? <span className="muted">{t('admin.apiKeys.noCallback')}</span>}
              </td>
              <td>{f.dateTime(k.createdAt)}</td>
              <td>
                {k.revokedAt === null
                  ? t('admin.apiKeys.active')
                  : t('admin.apiKeys.revokedAt', { time: f.dateTime(k.revokedAt) })}
              </td>
              <td className="row-actions">
                {k.revokedAt === null && (
                  <button type="button" className="link small" onClick={() => setRevoking(k)}>
                    {t('admin.apiKeys.revoke')} <span className="sr-only">{k.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking && <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} />}
    </section>
  );
}
