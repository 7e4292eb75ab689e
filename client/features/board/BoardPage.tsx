import './board.css';
import { useTranslation } from 'react-i18next';
import type { Agent } from '#shared/schemas/agent';
import { hasRole } from '#shared/schemas/common';
import { overseenTeams, useTeams } from '#client/api/directory';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { navigate } from '#client/router';
import { AgentsGrid } from './AgentsGrid';
import { AlertsPanel } from './AlertsPanel';
import { Freshness } from './Freshness';
import { QueueTiles } from './QueueTiles';
import { WaitingThreads } from './WaitingThreads';
import { combinedTeam, teamFromSearch, useBoard, useTick } from './useBoard';
import { IdSelect } from '#client/components/IdSelect';
import { ErrorNote } from '#client/components/ErrorNote';
import { Labelled } from '#client/components/Labelled';

/**
 * The floor board: one snapshot, then live deltas over the socket (no polling). Queue tiles for
 * all the viewer's teams and each team, the longest-waiting customers (re-assignable here), and
 * the agents grid.
 */
export function BoardPage({ me, search }: { me: Agent; search: string }) {
  const { t } = useTranslation();
  const rt = useRealtime();
  const teamId = teamFromSearch(search);
  const board = useBoard(teamId);
  const teams = useTeams().data ?? [];
  const now = useTick();
  if (!hasRole(me.role, 'lead')) return <p className="center muted">{t('board.forbidden')}</p>;
  const data = board.data;
  const name = (id: number | null, given: string) => (id === null ? t('board.noTeam') : given);
  return (
    <main className="board-page" aria-labelledby="board-title">
      <header className="board-head">
        <h1 id="board-title">{t('board.title')}</h1>
        <TeamPicker me={me} teamId={teamId} />
        {data && <Freshness connected={rt.connected} updatedAt={board.dataUpdatedAt} now={now} />}
        <button type="button" onClick={() => navigate(`/board/wall${search}`)}>
          {t('board.wall')}
        </button>
      </header>
      {board.isPending && <p className="muted">{t('board.loading')}</p>}
      <ErrorNote error={board.error} say={(reason) => t('board.failed', { reason })} />
      <AlertsPanel teamId={teamId} />
      {data && (
        <>
          {data.teams.length > 1 && (
            <QueueTiles team={combinedTeam(data, t('board.allTeams'))} now={now} headingId="board-all" />
          )}
          {data.teams.map((team) => (
            <QueueTiles
              key={team.teamId ?? 'none'}
              team={{ ...team, name: name(team.teamId, team.name) }}
              now={now}
              headingId={`board-team-${team.teamId ?? 'none'}`}
            />
          ))}
          <WaitingThreads teamId={teamId} agents={data.agents} teams={teams} now={now} />
          <AgentsGrid agents={data.agents} now={now} />
        </>
      )}
    </main>
  );
}

/** Which of the viewer's teams the board shows: all of them, or one (kept in the address). */
function TeamPicker({ me, teamId }: { me: Agent; teamId: number | null }) {
  const { t } = useTranslation();
  const teams = overseenTeams(me, useTeams().data ?? []);
  return (
    <Labelled text={t('board.teamPicker')}>
      <IdSelect
        value={teamId}
        none={t('board.allTeams')}
        options={teams}
        onChange={(id) => navigate(id === null ? '/board' : `/board?team=${id}`)}
      />
    </Labelled>
  );
}
