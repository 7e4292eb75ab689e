import { useTranslation } from 'react-i18next';
import type { ApiKey } from '#shared/schemas/agent';
import { useRevokeApiKey } from '#client/api/apiKeys';
import { Dialog } from '#client/components/Dialog';

/** Ask before revoking a key: whatever uses it stops working at once. */
export function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  return (
    <Dialog title={t('admin.apiKeys.revokeTitle', { name: apiKey.name })} onClose={onClose}>
      <p>{t('admin.apiKeys.revokeBody')}</p>
      {revoke.error && (
        <p className="error small" role="alert">
          {t('admin.form.failed', { reason: revoke.error.message })}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(apiKey.id, { onSuccess: onClose })}
        >
          {t('admin.apiKeys.confirmRevoke')}
        </button>
      </div>
    </Dialog>
  );
}
