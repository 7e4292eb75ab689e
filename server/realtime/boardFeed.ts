import type { Server } from 'socket.io';
import type { Db } from '#server/db/connection';
import { ALL_BOARDS_ROOM, BOARD_ROOM_PREFIX, boardRoom, teamsOfBoardRoom } from '#server/domain/access';
import { boardStatements } from '#server/db/boardStatements';
import { lastEventSeq } from '#server/services/events';
import type { RoutedEvent } from '#server/services/deps';
import { readBoardAgents, readCombined, type BoardPresence } from '#server/services/liveBoard';
import { readTeamBoards } from '#server/services/liveBoardTeams';
import { forgetFirstResponses } from '#server/services/liveBoardFirstResponse';
import type { BoardAgent, BoardDelta, TeamBoard } from '#shared/schemas/liveBoard';
import type { ServerToClientEvents } from '#shared/socketEvents';

/**
 * The shortest time between two flushes (ms): a change after a quiet spell goes out at once (in the
 * publish of its commit); changes during a flush's wake wait for the next slot, so one `live.board`
 * per room carries them whatever the rate.
 */
export const BOARD_FLUSH_MS = 10;

type BoardServer = Server<never, ServerToClientEvents>;

/**
 * Pushes floor-board deltas. Committed events name the rooms they reach — `team:N` for the team
 * a thread was and is in, `agent:N` for its assignee before and after — so they say which teams'
 * tiles and which agents' rows changed without reading their payloads. A change is sent at once
 * unless a flush ran less than `flushMs` ago (then gathered until then); the flush re-reads only those
 * teams and agents (maintained counters, index seeks and the wait cache, never a scan) and sends
 * each board room the part it may see, with the event-log seq, and the "All teams" median of each
 * set of teams a board shows (board:all, board:teams:…) that changed.
 */
export class BoardFeed {
  private readonly teams = new Set<number | null>();
  private readonly agents = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** When the last flush ran (performance.now()). */
  private lastFlush = -Infinity;

  constructor(
    private readonly db: Db,
    private readonly io: BoardServer,
    private readonly presence: BoardPresence,
    private readonly now: () => number,
    private readonly flushMs = BOARD_FLUSH_MS,
  ) {}

  /** Note the teams and agents committed events touched. */
  onEvents(events: readonly RoutedEvent[]): void {
    for (const { rooms } of events) {
      for (const room of rooms) {
        if (room === 'team:none') this.teams.add(null);
        else if (room.startsWith('team:')) this.teams.add(Number(room.slice(5)));
        else if (room.startsWith('agent:')) this.agents.add(Number(room.slice(6)));
      }
    }
    this.schedule();
  }

  /** Note agents whose presence changed. */
  onAgents(agentIds: Iterable<number>): void {
    for (const id of agentIds) this.agents.add(id);
    this.schedule();
  }

  private schedule(): void {
    if (this.teams.size === 0 && this.agents.size === 0) return;
    if (this.timer) return;
    const wait = this.lastFlush + this.flushMs - performance.now();
    // After a quiet spell the change goes out now, in the publish of the commit that made it — not a
    // timer turn later, behind whatever else the event loop holds; never from inside a transaction
    // (a delta must not show what may still roll back).
    if (wait <= 0 && !this.db.$client.inTransaction) this.flush();
    else this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /** Send what is pending now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.teams.size === 0 && this.agents.size === 0) return;
    this.lastFlush = performance.now();
    if (!this.anyoneWatching()) {
      // Nobody would receive a delta: skip the reads (an SLA catch-up or an ingest run with no board
      // open re-read team boards after every commit), still dropping the agents' cached medians.
      forgetFirstResponses(this.db, this.agents);
      this.teams.clear();
      this.agents.clear();
      return;
    }
    const now = this.now();
    const seq = lastEventSeq(this.db);
    const changed = [...this.teams];
    const teams = readTeamBoards(this.db, changed, now);
    forgetFirstResponses(this.db, this.agents);
    const agents = readBoardAgents(this.db, [...this.agents], this.presence, now);
    this.teams.clear();
    this.agents.clear();
    // Supervisors' "All teams" median (every team and no team) when a team changed and one is watching.
    const watchingAll = (this.io.sockets.adapter.rooms.get(ALL_BOARDS_ROOM)?.size ?? 0) > 0;
    const every =
      changed.length > 0 && watchingAll
        ? readCombined(this.db, [...boardStatements(this.db).allTeamIds.all(), null])
        : undefined;
    this.io.to(ALL_BOARDS_ROOM).emit('live.board', { asOf: now, seq, teams, agents, combined: every });
    // Each team's room gets its own tiles and its own agents' rows.
    const rooms = new Map<string, { teams: TeamBoard[]; agents: BoardAgent[] }>();
    const part = (teamId: number) => {
      const room = boardRoom(teamId);
      let p = rooms.get(room);
      if (!p) rooms.set(room, (p = { teams: [], agents: [] }));
      return p;
    };
    for (const t of teams) if (t.teamId !== null) part(t.teamId).teams.push(t);
    for (const a of agents) for (const teamId of a.teamIds) part(teamId).agents.push(a);
    for (const [room, p] of rooms) {
      const delta: BoardDelta = { asOf: now, seq, ...p };
      this.io.to(room).emit('live.board', delta);
    }
    // Leads of several teams: the "All teams" median of their set, to the room of that set, when one
    // of its teams changed (only sets some lead has a socket for).
    for (const room of this.io.of('/').adapter.rooms.keys()) {
      const set = teamsOfBoardRoom(room);
      if (!set?.some((t) => changed.includes(t))) continue;
      const delta: BoardDelta = { asOf: now, seq, teams: [], agents: [], combined: readCombined(this.db, set) };
      this.io.to(room).emit('live.board', delta);
    }
  }

  /** Whether any socket is in a board room (all boards, or one team's). */
  private anyoneWatching(): boolean {
    for (const [room, members] of this.io.sockets.adapter.rooms)
      if (members.size > 0 && room.startsWith(BOARD_ROOM_PREFIX)) return true;
    return false;
  }

  /** Stop without sending what is pending (the server is closing). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
