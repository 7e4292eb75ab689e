import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { useTeamAdmin } from '#client/api/teamAdmin';
import { useFormErrors } from '#client/features/settings/formErrors';
import { Check, Field } from '#client/features/settings/FormParts';

/** Create a team by name, optionally auto-assigning its conversations. */
export function TeamCreateForm({ onDone }: { onDone(created: Team | null): void }) {
  const { t } = useTranslation();
  const { create } = useTeamAdmin();
  const [name, setName] = useState('');
  const [autoAssign, setAutoAssign] = useState(false);
  const errors = useFormErrors(create.error, ['name', 'autoAssign'], {
    field: 'name',
    message: t('admin.teams.duplicate'),
  });
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), autoAssign }, { onSuccess: (team) => onDone(team) });
  };
  return (
    <form className="admin-form" aria-labelledby={titleId} onSubmit={submit}>
      <h2 id={titleId} className="form-title">
        {t('admin.teams.createTitle')}
      </h2>
      <div className="form-row">
        <Field label={t('admin.teams.name')} error={errors.fields.name}>
          {(a) => (
            <input {...a} required autoFocus maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
      </div>
      <Check
        label={t('admin.teams.autoAssign')}
        hint={t('admin.teams.autoAssignHint')}
        checked={autoAssign}
        onChange={setAutoAssign}
      />
      {errors.summary && (
        <p className="error small" role="alert">
          {errors.summary}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('admin.teams.create')}
        </button>
      </div>
    </form>
  );
}
