import { describe, expect, it } from 'vitest';
import { applyBoardDelta, clearanceForecast, emptyQueue, lastHour, sumMinutes, sumQueues } from '#shared/liveBoard';
import type { BoardAgent, BoardSnapshot, TeamBoard } from '#shared/schemas/liveBoard';

const team = (teamId: number | null, waiting: number, name = `T${teamId}`): TeamBoard => ({
  teamId,
  name,
  timeZone: null,
  queue: { ...emptyQueue(), waiting, open: waiting },
  channels: [],
  minutes: [],
});
const agent = (id: number, teamIds: number[], load = 0): BoardAgent => ({
  id,
  name: `A${id}`,
  role: 'agent',
  teamIds,
  presence: 'online',
  presenceSince: null,
  capacity: 5,
  load,
  pending: 0,
  waiting: 0,
  oldestWaitingSince: null,
  negative: 0,
  firstResponseMedianToday: null,
});
const board = (seq: number): BoardSnapshot => ({
  asOf: 1000,
  seq,
  teams: [team(1, 2), team(2, 0)],
  agents: [agent(10, [1]), agent(11, [2])],
  combined: { teamIds: [1, 2], medianWaitingSince: 400 },
});

describe('applyBoardDelta', () => {
  it('replaces the teams and agents a delta carries, keeps the rest, and is idempotent', () => {
    const delta = { asOf: 2000, seq: 7, teams: [team(1, 5)], agents: [agent(10, [1], 3)] };
    const once = applyBoardDelta(board(5), delta);
    expect(once.teams.map((t) => [t.teamId, t.queue.waiting])).toEqual([
      [1, 5],
      [2, 0],
    ]);
    expect(once.agents.map((a) => [a.id, a.load])).toEqual([
      [10, 3],
      [11, 0],
    ]);
    expect(once).toMatchObject({ asOf: 2000, seq: 7 });
    expect(applyBoardDelta(once, delta)).toEqual(once);
  });

  it('ignores deltas older than the board and teams the board does not show', () => {
    const b = board(9);
    expect(applyBoardDelta(b, { asOf: 2000, seq: 8, teams: [team(1, 99)], agents: [] })).toBe(b);
    const next = applyBoardDelta(b, {
      asOf: 2000,
      seq: 9,
      teams: [team(3, 4)],
      agents: [agent(12, [3]), agent(13, [1])],
    });
    expect(next.teams.map((t) => t.teamId)).toEqual([1, 2]);
    expect(next.agents.map((a) => a.id)).toEqual([10, 11, 13]);
  });
});

describe('applyBoardDelta, combined figures', () => {
  it('takes the "All teams" median only from a delta for exactly the board\'s teams', () => {
    const b = board(5);
    const mine = { teamIds: [2, 1], medianWaitingSince: 300 };
    expect(applyBoardDelta(b, { asOf: 2000, seq: 6, teams: [], agents: [], combined: mine }).combined).toEqual(mine);
    const other = { teamIds: [1], medianWaitingSince: 100 };
    expect(applyBoardDelta(b, { asOf: 2000, seq: 6, teams: [], agents: [], combined: other }).combined).toEqual(
      b.combined,
    );
    // A delta without combined figures (a team room's) keeps the board's.
    expect(applyBoardDelta(b, { asOf: 2000, seq: 6, teams: [team(1, 3)], agents: [] }).combined).toEqual(b.combined);
  });
});

describe('board sums and forecast', () => {
  it('sums tiles: counts add up, the oldest wins, a median is kept only for one tile', () => {
    const a = { ...emptyQueue(), waiting: 2, unassigned: 1, open: 3, oldestWaitingSince: 500, medianWaitingSince: 700 };
    const b = { ...emptyQueue(), waiting: 1, pending: 2, snoozed: 1, oldestWaitingSince: 300, medianWaitingSince: 300 };
    expect(sumQueues([a, b])).toEqual({
      waiting: 3,
      unassigned: 1,
      open: 3,
      pending: 2,
      snoozed: 1,
      oldestWaitingSince: 300,
      medianWaitingSince: null,
      slaAtRisk: 0,
      slaBreached: 0,
    });
    expect(sumQueues([a]).medianWaitingSince).toBe(700);
    expect(sumQueues([])).toEqual(emptyQueue());
  });

  it('counts the last 60 minutes only', () => {
    const now = 100 * 60_000 + 30_000;
    const minutes = [
      { minute: 40, arrivals: 9, resolutions: 9 },
      { minute: 41, arrivals: 1, resolutions: 2 },
      { minute: 100, arrivals: 3, resolutions: 0 },
    ];
    expect(lastHour(minutes, now)).toEqual({ arrivals: 4, resolutions: 2 });
    expect(sumMinutes([minutes.slice(0, 2), [{ minute: 41, arrivals: 1, resolutions: 1 }]])).toEqual([
      { minute: 40, arrivals: 9, resolutions: 9 },
      { minute: 41, arrivals: 2, resolutions: 3 },
    ]);
  });

  it('forecasts clearance from the net pace of the last hour', () => {
    expect(clearanceForecast(0, { arrivals: 5, resolutions: 0 }, 0)).toEqual({ kind: 'clear' });
    expect(clearanceForecast(4, { arrivals: 10, resolutions: 10 }, 0)).toEqual({ kind: 'growing' });
    // 12 more resolved than arrived per hour: 6 waiting clear in half an hour.
    expect(clearanceForecast(6, { arrivals: 8, resolutions: 20 }, 1_000)).toEqual({
      kind: 'at',
      at: 1_000 + 30 * 60_000,
    });
  });
});
