import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { boardQueries } from '#client/api/liveBoard';
import { sumMinutes, sumQueues } from '#shared/liveBoard';
import type { BoardSnapshot, TeamBoard } from '#shared/schemas/liveBoard';

/** The board for a team filter (null = every team the viewer may see), kept live by socket deltas. */
export function useBoard(teamId: number | null) {
  return useQuery(boardQueries.board(teamId));
}

/** The current time, re-read every `ms` (board clocks and freshness count seconds). */
export function useTick(ms = 1_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** The team filter in the address (?team=N), or null for every team. */
export function teamFromSearch(search: string): number | null {
  const v = Number(new URLSearchParams(search).get('team'));
  return Number.isInteger(v) && v > 0 ? v : null;
}

/**
 * One "team" standing for several: counts summed, minutes merged, and the median wait of everyone
 * waiting on them (a median cannot be summed: the server sends it with the board and its deltas).
 */
export function combinedTeam(board: BoardSnapshot, name: string): TeamBoard {
  if (board.teams.length === 1) return board.teams[0];
  return {
    teamId: null,
    name,
    timeZone: null,
    queue: { ...sumQueues(board.teams.map((t) => t.queue)), medianWaitingSince: board.combined.medianWaitingSince },
    channels: [],
    minutes: sumMinutes(board.teams.map((t) => t.minutes)),
  };
}
