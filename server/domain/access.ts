import { hasRole, type Role } from '#shared/schemas/common';

/** The logged-in agent, as access checks see them. */
export interface Viewer {
  id: number;
  role: Role;
  teamIds: number[];
}

/** The facts about a thread that decide who may see it. */
export interface ThreadScope {
  teamId: number | null;
  assigneeId: number | null;
}

/** Room every supervisor and admin joins: they see every thread. */
export const ALL_THREADS_ROOM = 'threads:all';

/** Room name for a team's threads (null = threads with no team). */
export function teamRoom(teamId: number | null): string {
  return teamId === null ? 'team:none' : `team:${teamId}`;
}

/** Personal room of one agent (their assigned threads and private notices). */
export function agentRoom(agentId: number): string {
  return `agent:${agentId}`;
}

/**
 * Who may see a thread: supervisors and admins see everything; agents and leads see
 * threads of their teams, threads without a team, and threads assigned to them.
 */
export function canSeeThread(viewer: Viewer, scope: ThreadScope): boolean {
  if (hasRole(viewer.role, 'supervisor')) return true;
  if (scope.assigneeId === viewer.id) return true;
  return scope.teamId === null || viewer.teamIds.includes(scope.teamId);
}

/** Rooms a thread event must reach so exactly the agents allowed to see it receive it. */
export function roomsForThread(...scopes: ThreadScope[]): string[] {
  const rooms = new Set<string>([ALL_THREADS_ROOM]);
  for (const s of scopes) {
    rooms.add(teamRoom(s.teamId));
    if (s.assigneeId !== null) rooms.add(agentRoom(s.assigneeId));
  }
  return [...rooms];
}

/** Rooms an agent's sockets join; the same set filters catch-up from the event log. */
export function roomsForViewer(viewer: Viewer): string[] {
  if (hasRole(viewer.role, 'supervisor')) return [ALL_THREADS_ROOM, agentRoom(viewer.id)];
  return [teamRoom(null), ...viewer.teamIds.map((t) => teamRoom(t)), agentRoom(viewer.id)];
}

/** Every floor-board room's name starts with this (the board feed reads nothing while none has a socket). */
export const BOARD_ROOM_PREFIX = 'board:';

/** Board room of one team's floor board (null = threads with no team; supervisors and admins only). */
export function boardRoom(teamId: number | null): string {
  return teamId === null ? `${BOARD_ROOM_PREFIX}team:none` : `${BOARD_ROOM_PREFIX}team:${teamId}`;
}

/** Board room every supervisor and admin joins: every team's board deltas. */
export const ALL_BOARDS_ROOM = `${BOARD_ROOM_PREFIX}all`;

const TEAMS_ROOM = `${BOARD_ROOM_PREFIX}teams:`;

/** Board room of the leads who see exactly these teams (two or more): their "All teams" median. */
export function boardTeamsRoom(teamIds: readonly number[]): string {
  return TEAMS_ROOM + [...teamIds].sort((a, b) => a - b).join(',');
}

/** The teams of a board room named by boardTeamsRoom, or null for any other room. */
export function teamsOfBoardRoom(room: string): number[] | null {
  return room.startsWith(TEAMS_ROOM) ? room.slice(TEAMS_ROOM.length).split(',').map(Number) : null;
}

/**
 * Floor-board rooms a viewer's sockets join: leads their teams' (and, with two teams or more, the
 * room of that set of teams), supervisors and admins all; agents none.
 */
export function boardRoomsForViewer(viewer: Viewer): string[] {
  if (hasRole(viewer.role, 'supervisor')) return [ALL_BOARDS_ROOM];
  if (!hasRole(viewer.role, 'lead')) return [];
  const rooms = viewer.teamIds.map((t) => boardRoom(t));
  return viewer.teamIds.length > 1 ? [...rooms, boardTeamsRoom(viewer.teamIds)] : rooms;
}

/** May this agent assign threads to other agents? (Agents may only take or release.) */
export function canAssignOthers(viewer: Viewer): boolean {
  return hasRole(viewer.role, 'lead');
}
