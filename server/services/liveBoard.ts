import type { Db } from '#server/db/connection';
import { boardStatements } from '#server/db/boardStatements';
import { foldAgentTallies, foldBoardTallies } from '#server/domain/liveBoard';
import type { Viewer } from '#server/domain/access';
import { BOARD_WINDOW_MINUTES, byAgent } from '#shared/liveBoard';
import { hasRole, type Presence, type Role } from '#shared/schemas/common';
import type { BoardAgent, BoardSnapshot, QueueTile, TeamBoard } from '#shared/schemas/liveBoard';
import { ForbiddenError, NotFoundError } from '#server/errors';
import { lastEventSeq } from './events';

/** Live presence as the board shows it (the realtime registry implements it). */
export interface BoardPresence {
  of(agentId: number): Presence;
  /** Since when the agent's presence holds, or null when not known. */
  sinceOf(agentId: number): number | null;
}

/** Which part of the board a viewer asks for: the teams (null = no team) and the agents on it. */
export interface BoardScope {
  teams: Array<number | null>;
  agentIds: number[];
}

/**
 * The board a viewer may open: leads their own teams (403 for another team), supervisors and
 * admins every team plus threads with no team; agents none (403).
 */
export function boardScope(db: Db, viewer: Viewer, teamId?: number): BoardScope {
  if (!hasRole(viewer.role, 'lead')) throw new ForbiddenError('the floor board is for leads, supervisors and admins');
  const s = boardStatements(db);
  const all = hasRole(viewer.role, 'supervisor');
  if (teamId !== undefined) {
    if (!all && !viewer.teamIds.includes(teamId)) throw new ForbiddenError('leads see the board of their own teams');
    if (!s.team.get({ id: teamId })) throw new NotFoundError(`team ${teamId} not found`);
    return { teams: [teamId], agentIds: s.agentsOfTeams.all({ teams: JSON.stringify([teamId]) }) };
  }
  if (all) return { teams: [...s.allTeamIds.all(), null], agentIds: s.activeAgentIds.all() };
  return { teams: [...viewer.teamIds], agentIds: s.agentsOfTeams.all({ teams: JSON.stringify(viewer.teamIds) }) };
}

/** GET /api/live/board: the viewer's board, read from maintained counters and index seeks. */
export function readBoard(
  db: Db,
  viewer: Viewer,
  presence: BoardPresence,
  now: number,
  teamId?: number,
): BoardSnapshot {
  const scope = boardScope(db, viewer, teamId);
  // The sequence is read first: a delta with this seq or later may repeat a change, never miss one.
  const seq = lastEventSeq(db);
  return {
    asOf: now,
    seq,
    teams: scope.teams.map((t) => readTeamBoard(db, t, now)),
    agents: readBoardAgents(db, scope.agentIds, presence).sort(byAgent),
  };
}

/** Median "waiting since" of `count` waiting threads: the middle index entry (mean of the two middles). */
function median(count: number, nth: (k: number) => number | null): number | null {
  if (count === 0) return null;
  const hi = nth(Math.floor(count / 2));
  if (count % 2 === 1 || hi === null) return hi;
  const lo = nth(count / 2 - 1);
  return lo === null ? hi : Math.round((lo + hi) / 2);
}

/** One team's queues, per channel and the last hour, as of `now`. */
export function readTeamBoard(db: Db, teamId: number | null, now: number): TeamBoard {
  const s = boardStatements(db);
  const key = teamId ?? 0;
  const { queue, channels } = foldBoardTallies(s.tallies.all({ key }));
  const waits = (tile: QueueTile, oldest: number | null, nth: (k: number) => number | null): QueueTile => ({
    ...tile,
    oldestWaitingSince: tile.waiting > 0 ? oldest : null,
    medianWaitingSince: median(tile.waiting, nth),
  });
  const team = teamId === null ? null : (s.team.get({ id: teamId }) ?? null);
  return {
    teamId,
    name: team?.name ?? '',
    timeZone: timeZoneOf(team?.businessHours ?? null),
    queue: waits(queue, s.teamOldest.get({ team: teamId }) ?? null, (k) => s.teamNth.get({ team: teamId, k }) ?? null),
    channels: [...channels]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([channel, tile]) => ({
        channel,
        ...waits(
          tile,
          s.channelOldest.get({ team: teamId, channel }) ?? null,
          (k) => s.channelNth.get({ team: teamId, channel, k }) ?? null,
        ),
      })),
    minutes: s.minutes.all({ key, from: Math.floor(now / 60_000) - BOARD_WINDOW_MINUTES + 1 }),
  };
}

function timeZoneOf(businessHours: string | null): string | null {
  if (!businessHours) return null;
  try {
    const tz = (JSON.parse(businessHours) as { timeZone?: unknown } | null)?.timeZone;
    return typeof tz === 'string' ? tz : null;
  } catch {
    return null;
  }
}

/** Agents' rows: presence, load against capacity, who waits on them, negative threads. */
export function readBoardAgents(db: Db, agentIds: readonly number[], presence: BoardPresence): BoardAgent[] {
  const s = boardStatements(db);
  const out: BoardAgent[] = [];
  for (const id of agentIds) {
    const a = s.agent.get({ id });
    if (!a || a.active !== 1) continue;
    const t = foldAgentTallies(s.agentTallies.all({ id }));
    out.push({
      id,
      name: a.name,
      role: a.role as Role,
      teamIds: s.agentTeams.all({ id }),
      presence: presence.of(id),
      presenceSince: presence.sinceOf(id),
      capacity: a.capacity,
      ...t,
      oldestWaitingSince: t.waiting > 0 ? (s.agentOldest.get({ id }) ?? null) : null,
    });
  }
  return out;
}
