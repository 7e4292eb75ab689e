import { useTranslation } from 'react-i18next';
import type { ApiKey } from '#shared/schemas/agent';
import { useRevokeApiKey } from '#client/api/apiKeys';
import { Dialog } from '#client/components/Dialog';
import { ConfirmFooter } from '#client/components/DialogFooter';

/** Ask before revoking a key: whatever uses it stops working at once. */
export function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  return (
    <Dialog title={t('admin.apiKeys.revokeTitle', { name: apiKey.name })} onClose={onClose}>
      <p>{t('admin.apiKeys.revokeBody')}</p>
      <ConfirmFooter
        danger
        error={revoke.error && t('admin.form.failed', { reason: revoke.error.message })}
        busy={revoke.isPending}
        backLabel={t('common.cancel')}
        onBack={onClose}
        confirmLabel={t('admin.apiKeys.confirmRevoke')}
        onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: onClose })}
      />
    </Dialog>
  );
}
