import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole, type Presence } from '#shared/schemas/common';
import { useAgents, useTeams } from '#client/api/directory';
import { Avatar } from '#client/components/Avatar';
import { usePresenceMap } from '#client/realtime/usePresence';
import { focusLater } from '#client/features/settings/focus';
import { SettingsHead } from '#client/features/settings/FormParts';
import { AgentForm } from './AgentForm';

/** Live presence where the socket has told us, else what the list said when it loaded. */
function usePresenceOf(): (a: Agent) => Presence {
  const live = usePresenceMap();
  const known = Object.keys(live).length > 0;
  return (a) => live[a.id] ?? (known ? 'offline' : a.presence);
}

/** Admins list, create and edit agents; leads and supervisors see the list read-only. */
export default function AgentsSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const agents = useAgents();
  const teams = useTeams().data ?? [];
  const presenceOf = usePresenceOf();
  const [form, setForm] = useState<'new' | number | null>(null);
  const [notice, setNotice] = useState('');
  if (!hasRole(me.role, 'lead')) return <p className="pad">{t('admin.nav.leadsOnly')}</p>;
  const canEdit = hasRole(me.role, 'admin');
  const teamName = (id: number) => teams.find((tm) => tm.id === id)?.name ?? `#${id}`;
  const presenceText = (p: Presence) => (p === 'offline' ? t('admin.agents.offline') : t(`presence.${p}`));
  const list = agents.data ?? [];
  const close = (focusId: string) => {
    setForm(null);
    focusLater(focusId);
  };
  return (
    <section className="settings" aria-labelledby="agents-title">
      <SettingsHead
        id="agents-title"
        title={t('admin.agents.title')}
        intro={t('admin.agents.intro')}
        note={!canEdit && t('admin.nav.readOnly')}
        action={
          canEdit && (
            <button
              type="button"
              id="agent-new"
              className="primary"
              disabled={form === 'new'}
              onClick={() => {
                setNotice('');
                setForm('new');
              }}
            >
              {t('admin.agents.add')}
            </button>
          )
        }
      />
      <p role="status" className="ok-note">
        {notice}
      </p>
      {form === 'new' && (
        <AgentForm
          me={me}
          teams={teams}
          onDone={(a) => {
            if (a) setNotice(t('admin.agents.created', { name: a.name }));
            close('agent-new');
          }}
        />
      )}
      {agents.isPending && <p className="muted">{t('app.loading')}</p>}
      {!agents.isPending && list.length === 0 && <p className="muted">{t('admin.agents.empty')}</p>}
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.agents.name')}</th>
            <th scope="col">{t('admin.agents.email')}</th>
            <th scope="col">{t('admin.agents.role')}</th>
            <th scope="col">{t('admin.agents.teams')}</th>
            <th scope="col" className="num">
              {t('admin.agents.capacity')}
            </th>
            <th scope="col">{t('admin.agents.active')}</th>
            <th scope="col">{t('admin.agents.presence')}</th>
            {canEdit && (
              <th scope="col">
                <span className="sr-only">{t('admin.form.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <Fragment key={a.id}>
              <tr className={a.active ? undefined : 'inactive'}>
                <th scope="row" className="name-cell">
                  <span aria-hidden="true">
                    <Avatar name={a.name} size={22} />
                  </span>{' '}
                  {a.name}
                </th>
                <td>{a.email}</td>
                <td>{t(`admin.roles.${a.role}`)}</td>
                <td>
                  {a.teamIds.length ? (
                    a.teamIds.map(teamName).join(', ')
                  ) : (
                    <span className="muted">{t('admin.agents.noTeams')}</span>
                  )}
                </td>
                <td className="num">{a.capacity}</td>
                <td>
                  {a.active ? t('admin.form.yes') : <span className="muted">{t('admin.agents.deactivated')}</span>}
                </td>
                <td>
                  <span className={`presence-text presence-text-${presenceOf(a)}`}>{presenceText(presenceOf(a))}</span>
                </td>
                {canEdit && (
                  <td className="row-actions">
                    <button
                      type="button"
                      id={`agent-edit-${a.id}`}
                      className="link small"
                      aria-expanded={form === a.id}
                      onClick={() => setForm(form === a.id ? null : a.id)}
                    >
                      {t('common.edit')} <span className="sr-only">{a.name}</span>
                    </button>
                  </td>
                )}
              </tr>
              {form === a.id && (
                <tr className="edit-row">
                  <td colSpan={8}>
                    <AgentForm agent={a} me={me} teams={teams} onDone={() => close(`agent-edit-${a.id}`)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}
