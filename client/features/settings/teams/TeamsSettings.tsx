import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { useAgents, useTeams } from '#client/api/directory';
import { focusLater } from '#client/features/settings/focus';
import { RecordsPage } from '#client/features/settings/RecordsPage';
import { TeamConfigForm } from './TeamConfigForm';
import { TeamCreateForm } from './TeamCreateForm';
import { settingsPage } from '#client/features/settings/settingsPage';
import { TeamRow } from './TeamRow';

/** Admins create, rename and configure teams (hours, holidays, automation); leads look read-only. */
function TeamsSettings({ me }: { me: Agent }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const agents = useAgents().data ?? [];
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const canEdit = hasRole(me.role, 'admin');
  const nameOf = (id: number) => agents.find((a) => a.id === id)?.name ?? `#${id}`;
  return (
    <RecordsPage
      keys="admin.teams"
      canEdit={canEdit}
      add={{ id: 'team-new', disabled: creating, onClick: () => setCreating(true) }}
      query={teams}
      rows={teams.data ?? []}
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
    </RecordsPage>
  );
}

export default settingsPage('teams', TeamsSettings);
