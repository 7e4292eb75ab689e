import { useTranslation } from 'react-i18next';
import { Dialog } from '#client/components/Dialog';
import { ConfirmFooter } from '#client/components/DialogFooter';

/** The states of the mutation behind a settings action. */
interface MutationState {
  error: Error | null;
  isPending: boolean;
}

/** Why a settings action (archive, remove, retry) failed, read out when it appears; nothing while it has not. */
export function FailedNote({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error small" role="alert">
      {t('admin.form.failed', { reason: error.message })}
    </p>
  );
}

/** Ask before an irreversible settings action (revoke a key, delete an endpoint, rotate its secret). */
export function DangerConfirm(p: {
  title: string;
  body: string;
  confirmLabel: string;
  mutation: MutationState;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={p.title} onClose={p.onClose}>
      <p>{p.body}</p>
      <ConfirmFooter
        danger
        error={p.mutation.error && t('admin.form.failed', { reason: p.mutation.error.message })}
        busy={p.mutation.isPending}
        backLabel={t('common.cancel')}
        onBack={p.onClose}
        confirmLabel={p.confirmLabel}
        onConfirm={p.onConfirm}
      />
    </Dialog>
  );
}
