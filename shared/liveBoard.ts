// Pure floor-board maths both ends need: applying a live delta, the "all" tile, the last hour,
// and the clearance forecast. Time is a parameter.
import type { BoardAgent, BoardDelta, BoardMinute, BoardSnapshot, QueueTile, TeamBoard } from './schemas/liveBoard';

/** Minutes in the board's rolling window. */
export const BOARD_WINDOW_MINUTES = 60;

/** An empty tile. */
export function emptyQueue(): QueueTile {
  return {
    waiting: 0,
    unassigned: 0,
    open: 0,
    pending: 0,
    snoozed: 0,
    oldestWaitingSince: null,
    medianWaitingSince: null,
    slaAtRisk: 0,
    slaBreached: 0,
  };
}

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/**
 * The sum of tiles (the "all" tile): counts add up, the oldest is the oldest; a median cannot be
 * summed (the board's `combined` figures carry the median of everyone waiting on its teams).
 */
export function sumQueues(tiles: readonly QueueTile[]): QueueTile {
  const out = emptyQueue();
  for (const t of tiles) {
    out.waiting += t.waiting;
    out.unassigned += t.unassigned;
    out.open += t.open;
    out.pending += t.pending;
    out.snoozed += t.snoozed;
    out.slaAtRisk += t.slaAtRisk;
    out.slaBreached += t.slaBreached;
    out.oldestWaitingSince = minOf(out.oldestWaitingSince, t.oldestWaitingSince);
  }
  if (tiles.length === 1) out.medianWaitingSince = tiles[0].medianWaitingSince;
  return out;
}

/**
 * Apply a live delta to a board: the teams and agents it carries replace theirs (it carries them
 * whole, so applying one twice is harmless); a delta older than the board is ignored. Only teams
 * the board shows are taken (a board opened on one team ignores the viewer's other teams), and
 * agents of those teams; combined figures only when they cover exactly the board's teams.
 */
export function applyBoardDelta(board: BoardSnapshot, delta: BoardDelta): BoardSnapshot {
  if (delta.seq < board.seq) return board;
  const teams = new Map<number | null, TeamBoard>(board.teams.map((t) => [t.teamId, t]));
  for (const t of delta.teams) if (teams.has(t.teamId)) teams.set(t.teamId, t);
  const agents = new Map<number, BoardAgent>(board.agents.map((a) => [a.id, a]));
  for (const a of delta.agents) if (agents.has(a.id) || a.teamIds.some((id) => teams.has(id))) agents.set(a.id, a);
  return {
    asOf: Math.max(board.asOf, delta.asOf),
    seq: Math.max(board.seq, delta.seq),
    teams: [...teams.values()].sort(byTeam),
    agents: [...agents.values()].sort(byAgent),
    combined:
      delta.combined && sameTeams(delta.combined.teamIds, board.combined.teamIds) ? delta.combined : board.combined,
  };
}

/** Whether two lists name the same teams (null = no team), in any order. */
export function sameTeams(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((t) => set.has(t));
}

/** Board order of agents: by name, then id. */
export function byAgent(a: BoardAgent, b: BoardAgent): number {
  return a.name.localeCompare(b.name) || a.id - b.id;
}

/** Board order of teams: by name, "no team" last. */
export function byTeam(a: TeamBoard, b: TeamBoard): number {
  if (a.teamId === null) return 1;
  if (b.teamId === null) return -1;
  return a.name.localeCompare(b.name) || a.teamId - b.teamId;
}

/** Arrivals and resolutions in the last hour before `now`, from per-minute counts. */
export function lastHour(minutes: readonly BoardMinute[], now: number): { arrivals: number; resolutions: number } {
  const from = Math.floor(now / 60_000) - BOARD_WINDOW_MINUTES + 1;
  let arrivals = 0;
  let resolutions = 0;
  for (const m of minutes) {
    if (m.minute < from) continue;
    arrivals += m.arrivals;
    resolutions += m.resolutions;
  }
  return { arrivals, resolutions };
}

/** When the waiting backlog is cleared at the last hour's pace. */
export type ClearanceForecast = { kind: 'clear' } | { kind: 'growing' } | { kind: 'at'; at: number };

/**
 * Clearance forecast: nobody waiting → clear; resolving no faster than customers arrive → growing;
 * otherwise now + backlog ÷ (resolutions − arrivals per ms over the last hour).
 */
export function clearanceForecast(
  waiting: number,
  hour: { arrivals: number; resolutions: number },
  now: number,
): ClearanceForecast {
  if (waiting <= 0) return { kind: 'clear' };
  const net = hour.resolutions - hour.arrivals;
  if (net <= 0) return { kind: 'growing' };
  return { kind: 'at', at: now + Math.ceil((waiting / net) * BOARD_WINDOW_MINUTES * 60_000) };
}

/** Every minute of several teams added up (for the "all" tile's last hour). */
export function sumMinutes(lists: readonly (readonly BoardMinute[])[]): BoardMinute[] {
  const by = new Map<number, BoardMinute>();
  for (const list of lists)
    for (const m of list) {
      const cur = by.get(m.minute) ?? { minute: m.minute, arrivals: 0, resolutions: 0 };
      by.set(m.minute, {
        minute: m.minute,
        arrivals: cur.arrivals + m.arrivals,
        resolutions: cur.resolutions + m.resolutions,
      });
    }
  return [...by.values()].sort((a, b) => a.minute - b.minute);
}
