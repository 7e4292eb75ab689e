import './board.css';
import { useTranslation } from 'react-i18next';
import { useRealtime } from '#client/realtime/RealtimeProvider';
import { useFormat } from '#client/i18n/format';
import { navigate } from '#client/router';
import { Freshness } from './Freshness';
import { TileRow } from './QueueTiles';
import { TILE_KEYS, tileViews, type TileKey } from './tiles';
import { ErrorNote } from '#client/components/ErrorNote';
import { combinedTeam, teamFromSearch, useBoard, useTick } from './useBoard';

/** Tiles a wall shows unless the address chooses others (?tiles=waiting,oldest,…). */
const WALL_TILES: TileKey[] = [
  'waiting',
  'oldest',
  'median',
  'unassigned',
  'slaBreached',
  'arrivals',
  'resolutions',
  'forecast',
];

function tilesFromSearch(search: string): TileKey[] {
  const asked = (new URLSearchParams(search).get('tiles') ?? '').split(',');
  const chosen = TILE_KEYS.filter((k) => asked.includes(k));
  return chosen.length > 0 ? chosen : WALL_TILES;
}

/**
 * Wall mode: read-only, full screen, large type, for a TV on the floor. It stays live across
 * reconnects (the board query is read again on every reconnect) and always says how fresh it is.
 */
export function WallBoard({ search }: { search: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rt = useRealtime();
  const board = useBoard(teamFromSearch(search));
  const now = useTick();
  const data = board.data;
  const team = data && combinedTeam(data, t('board.allTeams'));
  return (
    <main className={`board-wall${rt.connected ? '' : ' board-wall-lost'}`} aria-labelledby="wall-title">
      <header className="board-wall-head">
        <h1 id="wall-title">
          {t('board.title')}
          {team && ` · ${team.teamId === null && data.teams.length === 1 ? t('board.noTeam') : team.name}`}
        </h1>
        <button
          type="button"
          className="board-wall-exit"
          onClick={() => navigate(`/board${search.replace(/[?&]tiles=[^&]*/, '')}`)}
        >
          {t('board.exitWall')}
        </button>
      </header>
      <ErrorNote error={board.error} say={(reason) => t('board.failed', { reason })} />
      {team ? (
        <TileRow tiles={tileViews(team.queue, team.minutes, team.timeZone, now, f, t)} only={tilesFromSearch(search)} />
      ) : (
        <p>{t('board.loading')}</p>
      )}
      {data && <Freshness connected={rt.connected} updatedAt={board.dataUpdatedAt} now={now} />}
    </main>
  );
}
