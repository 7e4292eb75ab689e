import type { Db } from '#server/db/connection';
import { boardStatements } from '#server/db/boardStatements';
import type { Viewer } from '#server/domain/access';
import { byAgent } from '#shared/liveBoard';
import { hasRole, type Presence } from '#shared/schemas/common';
import type { BoardAgent, BoardCombined, BoardSnapshot, TeamBoard } from '#shared/schemas/liveBoard';
import { ForbiddenError, NotFoundError } from '#server/errors';
import { lastEventSeq } from './events';
import { firstResponseMediansToday } from './liveBoardFirstResponse';
import { readTeamBoards } from './liveBoardTeams';
import { waitCache } from './liveBoardWaitCache';
import { waitKey, waitMedians } from './liveBoardWaits';

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

/** GET /api/live/board: the viewer's board, read from maintained counters and index seeks (a few statements for all its teams). */
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
  const teams = readTeamBoards(db, scope.teams, now);
  return {
    asOf: now,
    seq,
    teams,
    agents: readBoardAgents(db, scope.agentIds, presence, now).sort(byAgent),
    combined:
      teams.length === 1
        ? { teamIds: scope.teams, medianWaitingSince: teams[0].queue.medianWaitingSince }
        : readCombined(db, scope.teams),
  };
}

/** One team's queues, per channel and the last hour, as of `now` (what a live delta re-reads). */
export function readTeamBoard(db: Db, teamId: number | null, now: number): TeamBoard {
  return readTeamBoards(db, [teamId], now)[0];
}

/**
 * The "All teams" figures of a board showing these teams (null = no team): its tiles add the teams'
 * counts up, but a median cannot be added up, so this is the median of everyone waiting on them.
 */
export function readCombined(db: Db, teamIds: ReadonlyArray<number | null>): BoardCombined {
  // Kept in memory while none of the teams' wait versions moves (read first, like the figures' seq).
  const cache = waitCache(db);
  const versions = cache.versions(db, teamIds, true);
  const at = cache.setVersions(versions, teamIds);
  const known = cache.getSet(teamIds, at) ?? cache.onlyWaiting(versions, teamIds);
  if (known) {
    cache.putSet(teamIds, at, known.median);
    return { teamIds: [...teamIds], medianWaitingSince: known.median };
  }
  // The teams nobody waits on are remembered as such: while only one team has waiters, its median is everyone's.
  const [median] = waitMedians(db, [teamIds.map((t) => waitKey(t))], ([team], waiting) => {
    if (waiting === 0) cache.set(versions, team === 0 ? null : team, '*', { waiting, oldest: null, median: null });
  });
  cache.putSet(teamIds, at, median);
  return { teamIds: [...teamIds], medianWaitingSince: median };
}

/**
 * Agents' rows: presence, load against capacity, who waits on them, negative threads (one
 * statement, whatever the number of agents) and the first-response median today (cached per agent).
 */
export function readBoardAgents(
  db: Db,
  agentIds: readonly number[],
  presence: BoardPresence,
  now: number,
): BoardAgent[] {
  // Raw rows and one object per agent: at 500 agents, row objects and spreads cost more than the read.
  const rows = boardStatements(db).agentRows.all({ ids: JSON.stringify(agentIds) });
  const agents: BoardAgent[] = [];
  for (const [id, name, role, capacity, teams, load, pending, waiting, negative, oldest] of rows) {
    agents.push({
      id,
      name,
      role,
      teamIds:
        teams === null
          ? []
          : teams
              .split(',')
              .map(Number)
              .sort((x, y) => x - y),
      presence: presence.of(id),
      presenceSince: presence.sinceOf(id),
      capacity,
      load,
      pending,
      waiting,
      oldestWaitingSince: waiting > 0 ? oldest : null,
      negative,
      firstResponseMedianToday: null,
    });
  }
  const firstResponse = firstResponseMediansToday(db, agents, now);
  for (const a of agents) a.firstResponseMedianToday = firstResponse.get(a.id) ?? null;
  return agents;
}
