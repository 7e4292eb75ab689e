import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { useTeamAdmin } from '#client/api/teamAdmin';
import { focusLater } from '#client/features/settings/focus';
import { useFormErrors } from '#client/features/settings/formErrors';

/** One team: rename in place, switch auto-assignment, open its hours and settings. */
export function TeamRow({
  team,
  members,
  canEdit,
  configOpen,
  onToggleConfig,
}: {
  team: Team;
  members: string[];
  canEdit: boolean;
  configOpen: boolean;
  onToggleConfig(): void;
}) {
  const { t } = useTranslation();
  const { update } = useTeamAdmin();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(team.name);
  const errors = useFormErrors(update.error, ['name'], { field: 'name', message: t('admin.teams.duplicate') });
  const id = useId();
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === team.name) return setRenaming(false);
    update.mutate(
      { id: team.id, name: name.trim(), autoAssign: team.autoAssign },
      {
        onSuccess: () => {
          setRenaming(false);
          focusLater(`team-rename-${team.id}`);
        },
      },
    );
  };
  const nameError = errors.fields.name ?? (renaming ? errors.summary : null);
  const cancel = () => {
    update.reset();
    setName(team.name);
    setRenaming(false);
    focusLater(`team-rename-${team.id}`);
  };
  return (
    <tr>
      <th scope="row">
        {renaming ? (
          <form className="inline-form" onSubmit={rename}>
            <input
              aria-label={t('admin.teams.renameLabel', { team: team.name })}
              value={name}
              required
              maxLength={80}
              autoFocus
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-error` : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && cancel()}
            />
            <button type="submit" className="small primary" disabled={update.isPending}>
              {t('common.save')}
            </button>
            <button type="button" className="link small" onClick={cancel}>
              {t('common.cancel')}
            </button>
            {nameError && (
              <span id={`${id}-error`} className="field-error">
                {nameError}
              </span>
            )}
          </form>
        ) : (
          team.name
        )}
      </th>
      <td>{members.length ? members.join(', ') : <span className="muted">{t('admin.teams.noMembers')}</span>}</td>
      <td>
        {canEdit ? (
          <input
            type="checkbox"
            aria-label={t('admin.teams.autoAssignFor', { team: team.name })}
            checked={team.autoAssign}
            disabled={update.isPending}
            // Both fields always: the server would reset an omitted autoAssign (and needs the name).
            onChange={(e) => update.mutate({ id: team.id, name: team.name, autoAssign: e.target.checked })}
          />
        ) : team.autoAssign ? (
          t('admin.form.yes')
        ) : (
          t('admin.form.no')
        )}
        {!renaming && errors.summary && (
          <span className="field-error" role="alert">
            {errors.summary}
          </span>
        )}
      </td>
      <td className="row-actions">
        {canEdit && !renaming && (
          <button
            type="button"
            id={`team-rename-${team.id}`}
            className="link small"
            onClick={() => {
              update.reset();
              setName(team.name);
              setRenaming(true);
            }}
          >
            {t('admin.teams.rename')} <span className="sr-only">{team.name}</span>
          </button>
        )}
        <button
          type="button"
          id={`team-config-${team.id}`}
          className="link small"
          aria-expanded={configOpen}
          onClick={onToggleConfig}
        >
          {t('admin.teams.configure')} <span className="sr-only">{team.name}</span>
        </button>
      </td>
    </tr>
  );
}
