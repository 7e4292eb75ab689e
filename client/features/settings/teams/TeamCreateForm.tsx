import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { useTeamAdmin } from '#client/api/teamAdmin';
import { useFormErrors } from '#client/features/settings/formErrors';
import { AdminForm, FormFooter } from '#client/features/settings/AdminForm';
import { Check, NameField } from '#client/features/settings/FormParts';

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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), autoAssign }, { onSuccess: (team) => onDone(team) });
  };
  return (
    <AdminForm title={t('admin.teams.createTitle')} onSubmit={submit}>
      <div className="form-row">
        <NameField label={t('admin.teams.name')} error={errors.fields.name} autoFocus value={name} onChange={setName} />
      </div>
      <Check
        label={t('admin.teams.autoAssign')}
        hint={t('admin.teams.autoAssignHint')}
        value={autoAssign}
        onChange={setAutoAssign}
      />
      <FormFooter
        error={errors.summary}
        busy={create.isPending}
        submitLabel={t('admin.teams.create')}
        onCancel={() => onDone(null)}
      />
    </AdminForm>
  );
}
