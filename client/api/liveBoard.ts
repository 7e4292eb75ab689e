import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { applyBoardDelta } from '#shared/liveBoard';
import {
  BoardSnapshotSchema,
  LiveAssignResultSchema,
  type BoardDelta,
  type BoardSnapshot,
  type LiveAssign,
  type LiveMove,
  type LivePresence,
  LivePresenceResultSchema,
} from '#shared/schemas/liveBoard';
import { threadQueries } from './threads';
import { api } from './http';

/** The floor board's queries: one snapshot per team filter, then kept live by `live.board` deltas. */
export const boardQueries = {
  all: () => ['liveBoard'] as const,
  board: (teamId: number | null) =>
    queryOptions({
      queryKey: [...boardQueries.all(), teamId] as const,
      queryFn: ({ signal }) =>
        api(teamId === null ? '/api/live/board' : `/api/live/board?teamId=${teamId}`, BoardSnapshotSchema, { signal }),
      // Never refetched on a timer: the socket keeps it live, and a reconnect refetches it.
      staleTime: Infinity,
    }),
};

/** Apply a pushed delta to every cached board. */
export function applyBoardDeltaToCache(qc: QueryClient, delta: BoardDelta): void {
  qc.setQueriesData<BoardSnapshot>({ queryKey: boardQueries.all() }, (board) =>
    board ? applyBoardDelta(board, delta) : board,
  );
}

/** Assign threads from the board (leads, supervisors, admins). */
export function useLiveAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LiveAssign) => api('/api/live/assign', LiveAssignResultSchema, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: threadQueries.lists() }),
  });
}

/** Set an agent away or back online from the board (the change comes back as a live delta). */
export function useLivePresence() {
  return useMutation({
    mutationFn: (body: LivePresence) => api('/api/live/presence', LivePresenceResultSchema, { method: 'POST', body }),
  });
}

/** Move threads to another team from the board (the inbox lists refresh). */
export function useLiveMove() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LiveMove) => api('/api/live/move', LiveAssignResultSchema, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: threadQueries.lists() }),
  });
}
