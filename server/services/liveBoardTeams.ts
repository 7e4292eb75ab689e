import type { Db } from '#server/db/connection';
import { boardStatements } from '#server/db/boardStatements';
import { foldBoardSla, foldBoardTallies } from '#server/domain/liveBoard';
import { BOARD_WINDOW_MINUTES } from '#shared/liveBoard';
import type { BoardMinute, TeamBoard } from '#shared/schemas/liveBoard';
import { zoneOfBusinessHours } from './liveBoardFirstResponse';
import { waitCache } from './liveBoardWaitCache';
import { middles, waitKey } from './liveBoardWaits';

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Teams' queues (null = no team), per channel and the last hour, as of `now`: maintained counters
 * and index seeks, one statement per kind of row for all the teams together (tallies, SLA, minutes,
 * names, oldest waits) and a walk to the middle of each waiting index, never a scan of threads; the
 * oldest and median waits of a team or channel nobody started or stopped waiting on since the last
 * read come from memory (`WaitCache`).
 */
export function readTeamBoards(db: Db, teamIds: ReadonlyArray<number | null>, now: number): TeamBoard[] {
  if (teamIds.length === 0) return [];
  const s = boardStatements(db);
  // The wait versions first: figures read after them are at least as new as the versions say.
  const cache = waitCache(db);
  const versions = cache.versions(db, teamIds);
  const keys = JSON.stringify(teamIds.map((t) => t ?? 0));
  const tallies = groupBy(s.tallies.all({ keys }), (r) => r.teamKey);
  const sla = groupBy(s.sla.all({ keys }), (r) => r.teamKey);
  const from = Math.floor(now / 60_000) - BOARD_WINDOW_MINUTES + 1;
  const minutes = groupBy(s.minutes.all({ keys, from }), (r) => r.teamKey);
  const named = new Map(
    s.teamsIn.all({ ids: JSON.stringify(teamIds.filter((t) => t !== null)) }).map((t) => [t.id, t]),
  );
  const boards = teamIds.map((teamId) => {
    const key = teamId ?? 0;
    const { queue, channels } = foldBoardTallies(tallies.get(key) ?? []);
    foldBoardSla(sla.get(key) ?? [], queue, channels);
    const team = teamId === null ? null : (named.get(teamId) ?? null);
    return {
      teamId,
      name: team?.name ?? '',
      timeZone: zoneOfBusinessHours(team?.businessHours ?? null),
      queue,
      channels: [...channels].sort(([a], [b]) => (a < b ? -1 : 1)).map(([channel, tile]) => ({ channel, ...tile })),
      minutes: (minutes.get(key) ?? []).map((m): BoardMinute => ({
        minute: m.minute,
        arrivals: m.arrivals,
        resolutions: m.resolutions,
      })),
    };
  });
  // Oldest and median waits of each waiting tile: kept in memory per team and channel, read again
  // only where the key's wait version moved. Oldest: one statement, a seek each. Medians: one walk to
  // the middle of each waiting index (half the customers waiting on a team or channel; at a few
  // thousand waiting per team this costs less than the histogram's three statements, which serve
  // the "All teams" median instead).
  // A team nobody waits on is known as such (the "All teams" median of a set where one team has
  // waiters is that team's median: liveBoard.ts readCombined).
  for (const b of boards)
    if (b.queue.waiting === 0) cache.set(versions, b.teamId, '*', { waiting: 0, oldest: null, median: null });
  const tiles = boards.flatMap((b) => [
    ...(b.queue.waiting > 0 ? [{ teamId: b.teamId, channel: '*', tile: b.queue }] : []),
    ...b.channels.filter((c) => c.waiting > 0).map((c) => ({ teamId: b.teamId, channel: c.channel, tile: c })),
  ]);
  const missed = tiles.filter(({ teamId, channel, tile }) => {
    const known = cache.get(versions, teamId, channel, tile.waiting);
    if (known) {
      tile.oldestWaitingSince = known.oldest;
      tile.medianWaitingSince = known.median;
    }
    return !known;
  });
  if (missed.length === 0) return boards;
  const oldest = new Map(s.oldestOf.all({ keys: JSON.stringify(missed.map((t) => waitKey(t.teamId, t.channel))) }));
  missed.forEach(({ teamId, channel, tile }, i) => {
    tile.oldestWaitingSince = oldest.get(i) ?? null;
    const [lo, hi] = middles(tile.waiting);
    const at = { team: teamId, k: lo, n: hi - lo + 1 };
    const mid = channel === '*' ? s.teamMiddle.all(at) : s.channelMiddle.all({ ...at, channel });
    tile.medianWaitingSince = mid.length === hi - lo + 1 ? Math.round((mid[0] + mid[mid.length - 1]) / 2) : null;
    cache.set(versions, teamId, channel, {
      waiting: tile.waiting,
      oldest: tile.oldestWaitingSince,
      median: tile.medianWaitingSince,
    });
  });
  return boards;
}
