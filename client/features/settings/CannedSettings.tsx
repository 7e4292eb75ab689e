import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import type { CannedResponse } from '#shared/schemas/canned';
import { hasRole } from '#shared/schemas/common';
import { useCannedResponses, useSaveCanned, type CannedInput } from '#client/api/canned';
import { RecordsPage } from './RecordsPage';
import { settingsPage } from '#client/features/settings/settingsPage';
import { CannedForm } from './CannedForm';

const BLANK: CannedInput = { shortcut: '', language: 'en', title: '', body: '', teamId: null };

/** Leads and admins manage canned responses and their language variants. */
function CannedSettings({ me, teams }: { me: Agent; teams: Team[] }) {
  const { t } = useTranslation();
  const list = useCannedResponses();
  const save = useSaveCanned();
  const [editing, setEditing] = useState<{ id: number | null; value: CannedInput } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  const manageable = teams.filter((tm) => hasRole(me.role, 'admin') || me.teamIds.includes(tm.id));
  const groups = new Map<string, CannedResponse[]>();
  for (const c of list.data ?? []) groups.set(c.shortcut, [...(groups.get(c.shortcut) ?? []), c]);
  const busy = save.create.isPending || save.update.isPending;
  const error = (save.create.error ?? save.update.error)?.message ?? null;
  const submit = (v: CannedInput) => {
    const done = { onSuccess: () => setEditing(null) };
    if (editing?.id) save.update.mutate({ id: editing.id, ...v }, done);
    else save.create.mutate(v, done);
  };
  const edit = (c: CannedResponse) => {
    save.update.reset();
    const { shortcut, language, title, body, teamId } = c;
    setEditing({ id: c.id, value: { shortcut, language, title, body, teamId } });
  };
  return (
    <RecordsPage
      keys="canned"
      add={{
        id: 'canned-new',
        disabled: false,
        onClick: () => {
          save.create.reset();
          setEditing({ id: null, value: BLANK });
        },
      }}
      query={list}
      rows={[...groups.values()].flat()}
      columns={[
        {
          header: t('canned.shortcut'),
          cell: (c) => (groups.get(c.shortcut)?.[0] === c ? <code>/{c.shortcut}</code> : null),
        },
        { header: t('canned.language'), cell: (c) => c.language },
        {
          header: t('canned.titleField'),
          cell: (c) => (
            <>
              <strong>{c.title}</strong>
              <div className="muted small clamp">{c.body}</div>
            </>
          ),
        },
        {
          header: t('canned.team'),
          cell: (c) =>
            c.teamId === null ? t('canned.everyone') : (teams.find((tm) => tm.id === c.teamId)?.name ?? `#${c.teamId}`),
        },
      ]}
      actions={(c) => (
        <>
          <button type="button" className="link small" onClick={() => edit(c)}>
            {t('common.edit')}
          </button>
          {confirmDelete === c.id ? (
            <button
              type="button"
              className="small danger"
              onClick={() => save.remove.mutate(c.id, { onSettled: () => setConfirmDelete(null) })}
            >
              {t('canned.confirmDelete')}
            </button>
          ) : (
            <button type="button" className="link small" onClick={() => setConfirmDelete(c.id)}>
              {t('common.delete')}
            </button>
          )}
        </>
      )}
    >
      {editing && (
        <CannedForm
          key={editing.id ?? 'new'}
          initial={editing.value}
          teams={manageable}
          busy={busy}
          error={error}
          onSave={submit}
          onCancel={() => setEditing(null)}
        />
      )}
    </RecordsPage>
  );
}

export default settingsPage('canned', CannedSettings);
