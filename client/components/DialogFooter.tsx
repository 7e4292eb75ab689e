import type { ReactNode } from 'react';

/** The foot of a form or dialog: what went wrong (announced at once) above its row of buttons. */
export function DialogFooter({ error, children }: { error?: string | null | false; children: ReactNode }) {
  return (
    <>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">{children}</div>
    </>
  );
}

/** The foot of a confirmation: what went wrong, a way back, and the button that does it (disabled while it runs). */
export function ConfirmFooter({
  error,
  busy,
  backLabel,
  onBack,
  confirmLabel,
  onConfirm,
  danger,
}: {
  error?: string | null;
  busy: boolean;
  backLabel: string;
  onBack(): void;
  confirmLabel: string;
  onConfirm(): void;
  /** Irreversible: styled as danger, and focus starts on the way back. */
  danger?: boolean;
}) {
  return (
    <DialogFooter error={error}>
      <button type="button" autoFocus={danger} onClick={onBack}>
        {backLabel}
      </button>
      <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy} onClick={onConfirm}>
        {confirmLabel}
      </button>
    </DialogFooter>
  );
}
