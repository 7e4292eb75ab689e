import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { useThreadCounts } from '#client/api/threads';
import { useTeams } from '#client/api/directory';
import { ChannelIcon, useChannelLabel } from '#client/components/ChannelIcon';
import { usePath } from '#client/router';
import { AppLink } from '#client/components/AppLink';
import { STATUS_VIEWS, viewCount, type ViewKey } from './views';

function ViewButton({
  view,
  current,
  onSelect,
  label,
  count,
  icon,
}: {
  view: ViewKey;
  /** The view shown now (null on a page that is not a view, such as the floor board). */
  current: ViewKey | null;
  onSelect(v: ViewKey): void;
  label: string;
  count: number | undefined;
  icon?: ReactNode;
}) {
  const active = view === current;
  return (
    <li>
      <button
        type="button"
        className={`view${active ? ' active' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => onSelect(view)}
      >
        {icon}
        <span className="view-label">{label}</span>{' '}
        {count !== undefined && count > 0 && <span className="view-count">{count}</span>}
      </button>
    </li>
  );
}

/** Inbox views with live counts: the queues, each team, each channel in use, each status. */
export function Sidebar({ me, view, onSelect }: { me: Agent; view: ViewKey; onSelect(v: ViewKey): void }) {
  const { t } = useTranslation();
  const counts = useThreadCounts().data;
  const teams = useTeams().data ?? [];
  const channelLabel = useChannelLabel();
  const seesAll = hasRole(me.role, 'supervisor');
  const onBoard = usePath().startsWith('/board');
  const myTeams = teams.filter(
    (tm) => seesAll || me.teamIds.includes(tm.id) || counts?.teams.some((c) => c.teamId === tm.id),
  );
  const channels = (counts?.channels ?? []).filter((c) => c.count > 0 || view === `channel:${c.channel}`);
  const item = (v: ViewKey, label: string, icon?: ReactNode) => (
    <ViewButton
      key={v}
      view={v}
      current={onBoard ? null : view}
      onSelect={onSelect}
      label={label}
      count={viewCount(v, counts)}
      icon={icon}
    />
  );
  return (
    <nav className="sidebar" aria-label={t('views.label')}>
      {hasRole(me.role, 'lead') && (
        <AppLink
          className={`view board-link${onBoard ? ' active' : ''}`}
          to="/board"
          aria-current={onBoard ? 'page' : undefined}
        >
          {t('board.open')}
        </AppLink>
      )}
      <ul className="view-group" aria-label={t('views.queues')}>
        {item('mine', t('views.mine'))}
        {item('unassigned', t('views.unassigned'))}
        {item('all', t('views.all'))}
      </ul>
      {myTeams.length > 0 && (
        <>
          <h2 className="view-heading" id="views-teams">
            {t('views.teams')}
          </h2>
          <ul className="view-group" aria-labelledby="views-teams">
            {myTeams.map((tm) => item(`team:${tm.id}`, tm.name))}
          </ul>
        </>
      )}
      {channels.length > 0 && (
        <>
          <h2 className="view-heading" id="views-channels">
            {t('views.channels')}
          </h2>
          <ul className="view-group" aria-labelledby="views-channels">
            {channels.map((c) =>
              item(`channel:${c.channel}`, channelLabel(c.channel), <ChannelIcon channel={c.channel} decorative />),
            )}
          </ul>
        </>
      )}
      <h2 className="view-heading" id="views-status">
        {t('views.statuses')}
      </h2>
      <ul className="view-group" aria-labelledby="views-status">
        {STATUS_VIEWS.map((s) => item(`status:${s}`, t(`status.${s}`)))}
      </ul>
    </nav>
  );
}
