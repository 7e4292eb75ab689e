import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '#shared/schemas/agent';
import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import type { RoutingDto } from '#shared/schemas/routing';
import { useRouting, useSaveRouting } from '#client/api/routing';
import { settingsPage } from '#client/features/settings/settingsPage';
import { AdminPage, AdminTable } from '#client/features/settings/AdminTable';

/** One row of the table: the default (id 0) or a channel. */
interface RouteRow {
  id: number;
  channel: ChannelKind | null;
}
const ROWS: RouteRow[] = [{ id: 0, channel: null }, ...CHANNEL_KINDS.map((channel, i) => ({ id: i + 1, channel }))];

/** Admins pick the team new threads of each channel go to (or the default team, or none). */
function RoutingSettings({ teams }: { teams: Team[] }) {
  const { t } = useTranslation();
  const routing = useRouting();
  const save = useSaveRouting();
  const [draft, setDraft] = useState<RoutingDto | null>(null);
  const current = draft ?? routing.data ?? null;
  const teamOf = (r: RouteRow) => (r.channel === null ? current?.defaultTeamId : current?.byChannel[r.channel]) ?? null;
  const pick = (r: RouteRow, value: string) => {
    if (!current) return;
    const teamId = value === '' ? null : Number(value);
    save.reset();
    if (r.channel === null) return setDraft({ ...current, defaultTeamId: teamId });
    const byChannel = { ...current.byChannel };
    if (teamId === null) delete byChannel[r.channel];
    else byChannel[r.channel] = teamId;
    setDraft({ ...current, byChannel });
  };
  const name = (r: RouteRow) => (r.channel === null ? t('admin.routing.default') : t(`channel.${r.channel}`));
  return (
    <AdminPage keys="admin.routing" canEdit>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draft) save.mutate(draft, { onSuccess: () => setDraft(null) });
        }}
      >
        <AdminTable
          query={routing}
          rows={routing.data ? ROWS : []}
          empty={t('app.loading')}
          columns={[
            { header: t('admin.routing.channel'), cell: name },
            {
              header: t('admin.routing.team'),
              cell: (r) => (
                <select
                  aria-label={t('admin.routing.teamFor', { channel: name(r) })}
                  value={teamOf(r) ?? ''}
                  onChange={(e) => pick(r, e.target.value)}
                >
                  <option value="">
                    {r.channel === null ? t('admin.routing.noTeam') : t('admin.routing.useDefault')}
                  </option>
                  {teams.map((tm) => (
                    <option key={tm.id} value={tm.id}>
                      {tm.name}
                    </option>
                  ))}
                </select>
              ),
            },
          ]}
        />
        <p className="form-actions">
          <button type="submit" className="primary" disabled={!draft || save.isPending}>
            {t('common.save')}
          </button>
          {save.isSuccess && !draft && <span role="status">{t('admin.form.saved')}</span>}
          {save.error && (
            <span className="error small" role="alert">
              {t('admin.form.failed', { reason: save.error.message })}
            </span>
          )}
        </p>
      </form>
    </AdminPage>
  );
}

export default settingsPage('routing', RoutingSettings);
