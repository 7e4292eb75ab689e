import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole, type Presence } from '#shared/schemas/common';
import { useAgents, useTeams } from '#client/api/directory';
import { Avatar } from '#client/components/Avatar';
import { useFormat } from '#client/i18n/format';
import { usePresenceMap } from '#client/realtime/usePresence';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { settingsPage } from '#client/features/settings/settingsPage';
import { AgentForm } from './AgentForm';

/** Live presence where the socket has told us, else what the list said when it loaded. */
function usePresenceOf(): (a: Agent) => Presence {
  const live = usePresenceMap();
  const known = Object.keys(live).length > 0;
  return (a) => live[a.id] ?? (known ? 'offline' : a.presence);
}

/** Admins list, create and edit agents; leads and supervisors see the list read-only. */
function AgentsSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const f = useFormat();
  const agents = useAgents();
  const teams = useTeams().data ?? [];
  const presenceOf = usePresenceOf();
  const [notice, setNotice] = useState('');
  const canEdit = hasRole(me.role, 'admin');
  const teamName = (id: number) => teams.find((tm) => tm.id === id)?.name ?? `#${id}`;
  const presenceText = (p: Presence) => (p === 'offline' ? t('admin.agents.offline') : t(`presence.${p}`));
  const list = agents.data ?? [];
  return (
    <RecordsPage
      keys="admin.agents"
      canEdit={canEdit}
      form={{
        prefix: 'agent',
        onAdd: () => setNotice(''),
        render: (agent, onDone) => (
          <AgentForm
            agent={agent}
            me={me}
            teams={teams}
            onDone={(saved) => {
              if (saved && !agent) setNotice(t('admin.agents.created', { name: saved.name }));
              onDone();
            }}
          />
        ),
      }}
      query={agents}
      rows={list}
      inactive={(a) => !a.active}
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
    >
      <p role="status" className="ok-note">
        {notice}
      </p>
    </RecordsPage>
  );
}

export default settingsPage('agents', AgentsSettings);
