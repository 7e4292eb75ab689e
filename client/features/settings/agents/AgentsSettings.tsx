import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole, type Presence } from '#shared/schemas/common';
import { useAgents, useTeams } from '#client/api/directory';
import { Avatar } from '#client/components/Avatar';
import { usePresenceMap } from '#client/realtime/usePresence';
import { focusLater } from '#client/features/settings/focus';
import { AdminPage, AdminTable, RowEditButton } from '#client/features/settings/AdminTable';
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
    <AdminPage
      keys="admin.agents"
      titleId="agents-title"
      canEdit={canEdit}
      add={{
        id: 'agent-new',
        disabled: form === 'new',
        onClick: () => {
          setNotice('');
          setForm('new');
        },
      }}
    >
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
      <AdminTable
        query={agents}
        rows={list}
        empty={t('admin.agents.empty')}
        rowClassName={(a) => (a.active ? undefined : 'inactive')}
        columns={[
          {
            header: t('admin.agents.name'),
            className: 'name-cell',
            cell: (a) => (
              <>
                <span aria-hidden="true">
                  <Avatar name={a.name} size={22} />
                </span>{' '}
                {a.name}
              </>
            ),
          },
          { header: t('admin.agents.email'), cell: (a) => a.email },
          { header: t('admin.agents.role'), cell: (a) => t(`admin.roles.${a.role}`) },
          {
            header: t('admin.agents.teams'),
            cell: (a) =>
              a.teamIds.length ? (
                a.teamIds.map(teamName).join(', ')
              ) : (
                <span className="muted">{t('admin.agents.noTeams')}</span>
              ),
          },
          { header: t('admin.agents.capacity'), className: 'num', cell: (a) => a.capacity },
          {
            header: t('admin.agents.active'),
            cell: (a) =>
              a.active ? t('admin.form.yes') : <span className="muted">{t('admin.agents.deactivated')}</span>,
          },
          {
            header: t('admin.agents.presence'),
            cell: (a) => (
              <span className={`presence-text presence-text-${presenceOf(a)}`}>{presenceText(presenceOf(a))}</span>
            ),
          },
        ]}
        actions={
          canEdit
            ? (a) => (
                <RowEditButton
                  id={`agent-edit-${a.id}`}
                  label={t('common.edit')}
                  rowName={a.name}
                  expanded={form === a.id}
                  onClick={() => setForm(form === a.id ? null : a.id)}
                />
              )
            : undefined
        }
        open={typeof form === 'number' ? form : null}
        editor={(a) => <AgentForm agent={a} me={me} teams={teams} onDone={() => close(`agent-edit-${a.id}`)} />}
      />
    </AdminPage>
  );
}
