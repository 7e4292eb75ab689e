import { useId, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from '#client/components/DialogFooter';

/** An admin create/edit form, named by its heading for screen readers. */
export function AdminForm({
  title,
  onSubmit,
  noValidate,
  children,
}: {
  title: string;
  onSubmit(e: FormEvent<HTMLFormElement>): void;
  noValidate?: boolean;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <form className="admin-form" aria-labelledby={titleId} onSubmit={onSubmit} noValidate={noValidate}>
      <h2 id={titleId} className="form-title">
        {title}
      </h2>
      {children}
    </form>
  );
}

/** A form's error summary, Cancel (when it can be left) and its submit button, disabled while saving. */
export function FormFooter({
  error,
  busy,
  submitLabel,
  onCancel,
}: {
  error: string | null;
  busy: boolean;
  submitLabel: string;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  return (
    <DialogFooter error={error}>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </DialogFooter>
  );
}
