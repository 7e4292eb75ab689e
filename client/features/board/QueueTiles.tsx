import { useTranslation } from 'react-i18next';
import type { TeamBoard } from '#shared/schemas/liveBoard';
import { useChannelLabel } from '#client/components/ChannelIcon';
import { useFormat } from '#client/i18n/format';
import { tileViews, type TileKey, type TileView } from './tiles';
import { TableHead } from '#client/components/TableHead';

/** A row of tiles (shared by the board and wall mode). */
export function TileRow({ tiles, only }: { tiles: TileView[]; only?: readonly TileKey[] }) {
  const shown = only ? tiles.filter((x) => only.includes(x.key)) : tiles;
  return (
    <dl className="board-tiles">
      {shown.map((x) => (
        <div key={x.key} className={`board-tile tone-${x.tone}${x.text ? ' board-tile-text' : ''}`}>
          <dt>{x.label}</dt>
          <dd>{x.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One team's queue tiles and, below, its channels. */
export function QueueTiles({ team, now, headingId }: { team: TeamBoard; now: number; headingId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const channelLabel = useChannelLabel();
  const none = t('board.tiles.none');
  const wait = (since: number | null) => (since === null ? none : f.duration(Math.max(0, now - since)));
  return (
    <section className="board-team" aria-labelledby={headingId}>
      <h2 id={headingId}>{team.name}</h2>
      <TileRow tiles={tileViews(team.queue, team.minutes, team.timeZone, now, f, t)} />
      {team.channels.length > 0 && (
        // Scrolls sideways on its own when the column names are long (Polish at 1280 px), not the page.
        <div className="board-scroll">
          <table className="board-channels">
            <caption>{t('board.tiles.channels')}</caption>
            <TableHead
              columns={[
                t('board.queue.channel'),
                ...(['waiting', 'oldest', 'median', 'unassigned', 'slaRisk', 'slaBreached', 'open'] as const).map((k) =>
                  t(`board.tiles.${k}`),
                ),
              ]}
            />
            <tbody>
              {team.channels.map((c) => (
                <tr key={c.channel}>
                  <th scope="row">{channelLabel(c.channel)}</th>
                  <td>{c.waiting}</td>
                  <td>{wait(c.oldestWaitingSince)}</td>
                  <td>{wait(c.medianWaitingSince)}</td>
                  <td>{c.unassigned}</td>
                  <td className={c.slaAtRisk > 0 ? 'tone-warn' : undefined}>{c.slaAtRisk}</td>
                  <td className={c.slaBreached > 0 ? 'tone-late' : undefined}>{c.slaBreached}</td>
                  <td>{c.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
