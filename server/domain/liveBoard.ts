import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import { emptyQueue } from '#shared/liveBoard';
import { isOneOf } from '#shared/oneOf';
import type { ThreadStatus } from '#shared/schemas/common';
import type { QueueTile } from '#shared/schemas/liveBoard';

/** One row of board_tallies (a team's live threads in one channel ('' = none), status, unassigned, waiting). */
export interface BoardTallyRow {
  channel: ChannelKind | '';
  status: ThreadStatus;
  unassigned: number;
  waiting: number;
  n: number;
}

/** Add one tally row's threads to a tile. */
function addTally(tile: QueueTile, r: BoardTallyRow): void {
  if (r.status === 'open') tile.open += r.n;
  else if (r.status === 'pending') tile.pending += r.n;
  else if (r.status === 'snoozed') tile.snoozed += r.n;
  if (r.status === 'open' && r.unassigned === 1) tile.unassigned += r.n;
  if (r.waiting === 1) tile.waiting += r.n;
}

/**
 * Fold a team's tally rows into its queue tile and one tile per channel (the channel the customer
 * last wrote on; threads with none count in the team's tile only). Channels with no live thread
 * are left out. Waits are filled in by the caller.
 */
export function foldBoardTallies(rows: readonly BoardTallyRow[]): {
  queue: QueueTile;
  channels: Map<ChannelKind, QueueTile>;
} {
  const queue = emptyQueue();
  const channels = new Map<ChannelKind, QueueTile>();
  for (const r of rows) {
    if (r.n === 0 || r.status === 'resolved') continue;
    addTally(queue, r);
    if (!isOneOf(CHANNEL_KINDS, r.channel)) continue;
    let tile = channels.get(r.channel);
    if (!tile) channels.set(r.channel, (tile = emptyQueue()));
    addTally(tile, r);
  }
  for (const [c, t] of channels) if (t.open + t.pending + t.snoozed === 0) channels.delete(c);
  return { queue, channels };
}

/** One thread with a running SLA clock past 75 %: its channel ('' = none) and its worst fraction used. */
export interface BoardSlaRow {
  channel: ChannelKind | '';
  fraction: number;
}

/**
 * Add SLA threads to a team's tile and its channels' tiles: breached when a clock is past 100 %,
 * at risk when past 75 % only. A channel with SLA threads but no tile (cannot happen for a live
 * thread) is skipped.
 */
export function foldBoardSla(
  rows: readonly BoardSlaRow[],
  queue: QueueTile,
  channels: ReadonlyMap<ChannelKind, QueueTile>,
): void {
  for (const r of rows) {
    const key = r.fraction >= 1 ? 'slaBreached' : 'slaAtRisk';
    queue[key] += 1;
    const tile = r.channel === '' ? undefined : channels.get(r.channel);
    if (tile) tile[key] += 1;
  }
}
