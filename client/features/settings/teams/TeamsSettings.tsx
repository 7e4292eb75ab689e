import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { useAgents, useTeams } from '#client/api/directory';
import { focusLater } from '#client/features/settings/focus';
import { AdminPage, AdminTable } from '#client/features/settings/AdminTable';
import { TeamConfigForm } from './TeamConfigForm';
import { TeamCreateForm } from './TeamCreateForm';
import { TeamRow } from './TeamRow';

/** Admins create, rename and configure teams (hours, holidays, automation); leads look read-only. */
export default function TeamsSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const agents = useAgents().data ?? [];
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  if (!hasRole(me.role, 'lead')) return <p className="pad">{t('admin.nav.leadsOnly')}</p>;
  const canEdit = hasRole(me.role, 'admin');
  const list = teams.data ?? [];
  const nameOf = (id: number) => agents.find((a) => a.id === id)?.name ?? `#${id}`;
  return (
    <AdminPage
      keys="admin.teams"
      titleId="teams-title"
      canEdit={canEdit}
      add={{ id: 'team-new', disabled: creating, onClick: () => setCreating(true) }}
    >
      {creating && (
        <TeamCreateForm
          onDone={(team) => {
            setCreating(false);
            // A new team is usually configured next: open its hours right away.
            if (team) setOpen(team.id);
            focusLater(team ? `team-config-${team.id}` : 'team-new');
          }}
        />
      )}
      <AdminTable
        query={teams}
        rows={list}
        empty={t('admin.teams.empty')}
        columns={[
          { header: t('admin.teams.name') },
          { header: t('admin.teams.members') },
          { header: t('admin.teams.autoAssign') },
        ]}
        renderRow={(tm) => (
          <TeamRow
            team={tm}
            members={tm.memberIds.map(nameOf)}
            canEdit={canEdit}
            configOpen={open === tm.id}
            onToggleConfig={() => setOpen(open === tm.id ? null : tm.id)}
          />
        )}
        open={open}
        editor={(tm) => (
          <TeamConfigForm
            team={tm}
            canEdit={canEdit}
            onClose={() => {
              setOpen(null);
              focusLater(`team-config-${tm.id}`);
            }}
          />
        )}
      />
    </AdminPage>
  );
}
