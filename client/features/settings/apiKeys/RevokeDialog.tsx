import { useTranslation } from 'react-i18next';
import type { ApiKey } from '#shared/schemas/agent';
import { useRevokeApiKey } from '#client/api/apiKeys';
import { DangerConfirm } from '#client/features/settings/MutationNotes';

/** Ask before revoking a key: whatever uses it stops working at once. */
export function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose(): void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiKey();
  return (
    <DangerConfirm
      title={t('admin.apiKeys.revokeTitle', { name: apiKey.name })}
      body={t('admin.apiKeys.revokeBody')}
      confirmLabel={t('admin.apiKeys.confirmRevoke')}
      mutation={revoke}
      onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}
