import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Team } from '#shared/schemas/agent';
import type { CannedResponse } from '#shared/schemas/canned';
import { hasRole } from '#shared/schemas/common';
import { useCannedResponses, useSaveCanned, type CannedInput } from '#client/api/canned';
import { CannedForm } from './CannedForm';

const BLANK: CannedInput = { shortcut: '', language: 'en', title: '', body: '', teamId: null };

/** Leads and admins manage canned responses and their language variants. */
export default function CannedSettings({ me, teams }: { me: Agent; teams: Team[] }) {
  const { t } = useTranslation();
  const list = useCannedResponses();
  const save = useSaveCanned();
  const [editing, setEditing] = useState<{ id: number | null; value: CannedInput } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  if (!hasRole(me.role, 'lead')) return <p className="pad">{t('canned.forbidden')}</p>;
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
  return (
    <section className="settings" aria-labelledby="canned-title">
      <div className="settings-head">
        <h1 id="canned-title">{t('canned.title')}</h1>
        <button
          type="button"
          className="primary"
          onClick={() => {
            save.create.reset();
            setEditing({ id: null, value: BLANK });
          }}
        >
          {t('canned.add')}
        </button>
      </div>
      <p className="muted small">{t('canned.intro')}</p>
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
      {list.isPending && <p className="muted">{t('app.loading')}</p>}
      {groups.size === 0 && !list.isPending && <p className="muted">{t('canned.empty')}</p>}
      <table className="canned-table">
        <thead>
          <tr>
            <th scope="col">{t('canned.shortcut')}</th>
            <th scope="col">{t('canned.language')}</th>
            <th scope="col">{t('canned.titleField')}</th>
            <th scope="col">{t('canned.team')}</th>
            <th scope="col">
              <span className="sr-only">{t('canned.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...groups].flatMap(([shortcut, variants]) =>
            variants.map((c, i) => (
              <tr key={c.id}>
                <td>{i === 0 ? <code>/{shortcut}</code> : null}</td>
                <td>{c.language}</td>
                <td>
                  <strong>{c.title}</strong>
                  <div className="muted small clamp">{c.body}</div>
                </td>
                <td>
                  {c.teamId === null
                    ? t('canned.everyone')
                    : (teams.find((tm) => tm.id === c.teamId)?.name ?? `#${c.teamId}`)}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="link small"
                    onClick={() => {
                      save.update.reset();
                      setEditing({
                        id: c.id,
                        value: {
                          shortcut: c.shortcut,
                          language: c.language,
                          title: c.title,
                          body: c.body,
                          teamId: c.teamId,
                        },
                      });
                    }}
                  >
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
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}
