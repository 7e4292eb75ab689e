import type { Db } from '#server/db/connection';
import { boardStatements } from '#server/db/boardStatements';
import { foldAgentTallies, foldBoardSla, foldBoardTallies } from '#server/domain/liveBoard';
import type { Viewer } from '#server/domain/access';
import { BOARD_WINDOW_MINUTES, byAgent } from '#shared/liveBoard';
import { hasRole, type Presence, type Role } from '#shared/schemas/common';
import type { BoardAgent, BoardSnapshot, TeamBoard } from '#shared/schemas/liveBoard';
import { ForbiddenError, NotFoundError } from '#server/errors';
import { lastEventSeq } from './events';
import { firstResponseMediansToday, zoneOfBusinessHours } from './liveBoardFirstResponse';

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
    agents: readBoardAgents(db, scope.agentIds, presence, now).sort(byAgent),
  };
}

/** The two middle positions of `count` sorted entries (the same one when `count` is odd). */
function middles(count: number): [number, number] {
  return count % 2 === 1 ? [(count - 1) / 2, (count - 1) / 2] : [count / 2 - 1, count / 2];
}

/** Median of the two middle entries (null when there are none). */
function mid(lo: number | null, hi: number | null): number | null {
  if (lo === null || hi === null) return hi ?? lo;
  return Math.round((lo + hi) / 2);
}

/** One team's queues, per channel and the last hour, as of `now`. */
export function readTeamBoard(db: Db, teamId: number | null, now: number): TeamBoard {
  const s = boardStatements(db);
  const key = teamId ?? 0;
  const { queue, channels } = foldBoardTallies(s.tallies.all({ key }));
  foldBoardSla(s.sla.all({ key }), queue, channels);
  if (queue.waiting > 0) {
    const [lo, hi] = middles(queue.waiting);
    queue.oldestWaitingSince = s.teamOldest.get({ team: teamId }) ?? null;
    const nth = (k: number) => s.teamNth.get({ team: teamId, k }) ?? null;
    const first = nth(lo);
    queue.medianWaitingSince = mid(first, lo === hi ? first : nth(hi));
  }
  const waiting = [...channels].filter(([, t]) => t.waiting > 0);
  if (waiting.length > 0) {
    const oldest = new Map(
      s.channelOldest
        .all({ team: teamId, channels: JSON.stringify(waiting.map(([c]) => c)) })
        .map((r) => [r.channel, r.oldest]),
    );
    for (const [channel, tile] of waiting) {
      const [lo, hi] = middles(tile.waiting);
      const nth = (k: number) => s.channelNth.get({ team: teamId, channel, k }) ?? null;
      tile.oldestWaitingSince = oldest.get(channel) ?? null;
      const first = nth(lo);
      tile.medianWaitingSince = mid(first, lo === hi ? first : nth(hi));
    }
  }
  const team = teamId === null ? null : (s.team.get({ id: teamId }) ?? null);
  return {
    teamId,
    name: team?.name ?? '',
    timeZone: zoneOfBusinessHours(team?.businessHours ?? null),
    queue,
    channels: [...channels].sort(([a], [b]) => (a < b ? -1 : 1)).map(([channel, tile]) => ({ channel, ...tile })),
    minutes: s.minutes.all({ key, from: Math.floor(now / 60_000) - BOARD_WINDOW_MINUTES + 1 }),
  };
}

/**
 * Agents' rows: presence, load against capacity, who waits on them, negative threads (four
 * statements, whatever the number of agents) and the first-response median today (cached per agent).
 */
export function readBoardAgents(
  db: Db,
  agentIds: readonly number[],
  presence: BoardPresence,
  now: number,
): BoardAgent[] {
  const s = boardStatements(db);
  const ids = JSON.stringify(agentIds);
  const teams = groupBy(s.teamsOfAgents.all({ ids }), (r) => r.agentId);
  const tallies = groupBy(s.talliesOfAgents.all({ ids }), (r) => r.agentId);
  const oldest = new Map(s.oldestOfAgents.all({ ids }).map((r) => [r.agentId, r.oldest]));
  const rows = s.agentsIn.all({ ids });
  const teamIdsOf = (id: number) => (teams.get(id) ?? []).map((r) => r.teamId).sort((x, y) => x - y);
  const firstResponse = firstResponseMediansToday(
    db,
    rows.map((a) => ({ id: a.id, teamIds: teamIdsOf(a.id) })),
    now,
  );
  return rows.map((a) => {
    const t = foldAgentTallies(tallies.get(a.id) ?? []);
    return {
      id: a.id,
      name: a.name,
      role: a.role as Role,
      teamIds: teamIdsOf(a.id),
      presence: presence.of(a.id),
      presenceSince: presence.sinceOf(a.id),
      capacity: a.capacity,
      ...t,
      oldestWaitingSince: t.waiting > 0 ? (oldest.get(a.id) ?? null) : null,
      firstResponseMedianToday: firstResponse.get(a.id) ?? null,
    };
  });
}

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
