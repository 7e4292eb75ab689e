import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole, type Presence } from '#shared/schemas/common';
import { useAgents, useTeams } from '#client/api/directory';
import { Avatar } from '#client/components/Avatar';
import { useFormat } from '#client/i18n/format';
import { usePresenceMap } from '#client/realtime/usePresence';
import { useInlineEditor } from '#client/features/settings/useInlineEditor';
import { AdminPage, AdminTable } from '#client/features/settings/AdminTable';
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
  const f = useFormat();
  const agents = useAgents();
  const teams = useTeams().data ?? [];
  const presenceOf = usePresenceOf();
  const editor = useInlineEditor('agent');
  const [notice, setNotice] = useState('');
  if (!hasRole(me.role, 'lead')) return <p className="pad">{t('admin.nav.leadsOnly')}</p>;
  const canEdit = hasRole(me.role, 'admin');
  const teamName = (id: number) => teams.find((tm) => tm.id === id)?.name ?? `#${id}`;
  const presenceText = (p: Presence) => (p === 'offline' ? t('admin.agents.offline') : t(`presence.${p}`));
  const list = agents.data ?? [];
  return (
    <AdminPage
      keys="admin.agents"
      titleId="agents-title"
      canEdit={canEdit}
      add={{
        id: editor.newId,
        disabled: editor.creating,
        onClick: () => {
          setNotice('');
          editor.startNew();
        },
      }}
    >
      <p role="status" className="ok-note">
        {notice}
      </p>
      {editor.creating && (
        <AgentForm
          me={me}
          teams={teams}
          onDone={(a) => {
            if (a) setNotice(t('admin.agents.created', { name: a.name }));
            editor.closeNew();
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
          {
            header: t('routing.agent.column'),
            cell: (a) =>
              a.languages.length ? a.languages.map((l) => f.language(l)).join(', ') : <span className="muted">—</span>,
          },
          {
            header: t('admin.agents.capacity'),
            className: 'num',
            cell: (a) =>
              a.asyncCapacity === null
                ? a.capacity
                : t('routing.agent.capacityBoth', { live: a.capacity, async: a.asyncCapacity }),
          },
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
        actions={canEdit ? (a) => editor.editButton(a, t('common.edit')) : undefined}
        open={editor.open}
        editor={(a) => <AgentForm agent={a} me={me} teams={teams} onDone={() => editor.closeRow(a.id)} />}
      />
    </AdminPage>
  );
}
