import type { Server as HttpServer } from 'node:http';
import { parse as parseCookie } from 'cookie';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketAck } from '#shared/socketEvents';
import {
  SetPresencePayloadSchema,
  TypingPayloadSchema,
  ViewThreadPayloadSchema,
  type LoggedEvent,
} from '#shared/schemas/events';
import { agentRoom, boardRoomsForViewer, canSeeThread, roomsForViewer, type Viewer } from '#server/domain/access';
import type { Db } from '#server/db/connection';
import { freshViewer, readSession } from '#server/services/auth';
import { savePresences } from '#server/services/presence';
import type { Presence } from '#shared/schemas/common';
import type { EventPublisher, RoutedEvent } from '#server/services/deps';
import { getThreadRow, roomsOf } from '#server/services/threadQueries';
import { PresenceBatch, PresenceRegistry } from './presence';
import { PresenceAudience, presenceRoomsForViewer } from './presenceAudience';
import { ViewerRegistry } from './viewers';
import { BoardFeed } from './boardFeed';
import { ClusterShare } from './clusterShare';
import { streamsAdapter } from './streamsAdapter';
import type { RedisLink } from '#server/cluster/redis';
import { SESSION_COOKIE } from '#server/http/cookies';
import { sameOrigin } from '#server/http/origin';

/** Data attached to an authenticated agent socket. */
export interface AgentSocketData {
  viewer: Viewer;
  sessionHash: string;
}

/** What one node asks the others to do for their own sockets (several nodes only). */
interface NodeToNodeEvents {
  /** An agent's access changed (role, teams, deactivated): re-join or drop their sockets here too. */
  'agent.refresh': (agentId: number) => void;
}
type AgentServer = Server<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, AgentSocketData>;
type AgentSocket = Socket<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, AgentSocketData>;

const TYPING_TTL_MS = 6_000;
/** How long presence changes are gathered before one broadcast carries them all. */
const PRESENCE_FLUSH_MS = 200;

/** The live side of Braid: authenticated agent sockets, rooms, presence and the event publisher. */
export interface Realtime {
  io: AgentServer;
  publisher: EventPublisher;
  presence: PresenceRegistry;
  /** Floor-board deltas (fed by the publisher and presence changes). */
  board: BoardFeed;
  /** Set an agent's chosen presence for them (a lead from the board); answers their presence now. */
  setPresence(agentId: number, p: 'online' | 'away'): Presence;
  /** Re-join rooms after an agent's role or teams changed; drop their sockets when deactivated. */
  refreshAgent(agentId: number): void;
  /** Disconnect the sockets of revoked sessions (logout, password change). */
  disconnectSessions(hashes: string[]): void;
  /** Be told which agents' presence changed (after each coalesced flush). */
  onPresence(listener: (agentIds: number[]) => void): void;
  /** Join the other nodes (when Redis is configured): the Socket.IO adapter and shared presence. */
  start(): Promise<void>;
  /** Disconnect every socket (clients reconnect, to another node when this one is going away). */
  disconnectAll(): void;
  close(): Promise<void>;
}

/** Several nodes: events, presence, viewing and typing shared through Redis (docs/scale-out.md). */
export interface RealtimeCluster {
  redis: RedisLink;
  /** How long a node's presence outlives its last heartbeat. */
  presenceTtlMs: number;
}

/** Attach Socket.IO to the HTTP server, sharing the HTTP session cookie for auth. */
export function createRealtime(
  http: HttpServer,
  db: Db,
  now: () => number,
  publicUrl?: string,
  cluster?: RealtimeCluster,
): Realtime {
  const io: AgentServer = new Server(http, {
    serveClient: false,
    // No connectionStateRecovery: it would restore the rooms a socket had before it dropped and
    // replay what those rooms missed, before any access check — an agent removed from a team
    // meanwhile would get that team's messages. Every connection joins the rooms of the agent's
    // CURRENT access, and the client closes the gap with GET /api/events, which answers by
    // current access too.
    // The web-chat widget (its own namespace, token auth, no cookies) may be embedded on any site;
    // cross-origin polling never carries credentials, and the agent namespace checks Origin below.
    cors: { origin: true, credentials: false },
  });
  const presence = new PresenceRegistry(now);
  const audience = new PresenceAudience();
  const presenceListeners: Array<(agentIds: number[]) => void> = [];
  const board = new BoardFeed(db, io, presence, now);
  const viewers = new ViewerRegistry();

  io.use((socket, next) => {
    if (!sameOrigin(socket.handshake.headers, publicUrl))
      return next(new Error('cross-origin agent connection refused'));
    const cookies = parseCookie(socket.handshake.headers.cookie ?? '');
    const session = readSession(db, cookies[SESSION_COOKIE], now());
    if (!session) return next(new Error('unauthorized'));
    socket.data = { viewer: session.viewer, sessionHash: session.idHash };
    next();
  });

  const broadcastViewers = (threadId: number) => {
    let rooms: string[];
    try {
      rooms = roomsOf(getThreadRow(db, threadId));
    } catch {
      return;
    }
    // Every node tells its own sockets (io.local): the others hear of the change through the share.
    io.local.to(rooms).emit('thread.viewers', { threadId, viewers: viewers.viewersOf(threadId, now()) });
  };
  // Presence changes are coalesced (one flush per window) and sent only to the sockets that may see
  // them (presenceAudience.ts): n agents connecting cost O(n) packets, not one to every socket each.
  const batch = new PresenceBatch(presence, PRESENCE_FLUSH_MS, (changes) => {
    savePresences(db, changes);
    for (const send of audience.route(changes))
      io.local.to(send.to).except(send.except).emit('presence.changed', send.lists);
    board.onAgents(changes.map((c) => c.agentId));
    for (const l of presenceListeners) l(changes.map((c) => c.agentId));
  });
  const share = cluster
    ? new ClusterShare(cluster.redis, cluster.presenceTtlMs, {
        presence,
        viewers,
        remember: (v) => audience.remember(v),
        agentsChanged: (ids) => ids.forEach((id) => batch.changed(id)),
        threadsChanged: (ids) => ids.forEach(broadcastViewers),
      })
    : null;
  const announce = (agentId: number, p: Presence | null, viewer?: Viewer) => {
    share?.agentChanged(agentId, viewer);
    if (p !== null) batch.changed(agentId);
  };
  const viewed = (socketId: string, threads: number[]) => {
    share?.viewChanged(socketId);
    threads.forEach(broadcastViewers);
  };

  io.on('connection', (socket: AgentSocket) => {
    const { viewer } = socket.data;
    audience.remember(viewer);
    void socket.join([...joinedRooms(viewer), sessionRoom(socket.data.sessionHash)]);
    announce(viewer.id, presence.connect(viewer.id, socket.id), viewer);
    socket.emit('presence.snapshot', audience.snapshotFor(viewer, presence));

    socket.on('presence.set', (payload, ack) => {
      const p = SetPresencePayloadSchema.safeParse(payload);
      if (!p.success) return reply(ack, 'invalid presence payload');
      announce(viewer.id, presence.choose(viewer.id, p.data.presence), viewer);
      reply(ack);
    });
    socket.on('thread.view', (payload, ack) => {
      const p = ViewThreadPayloadSchema.safeParse(payload);
      if (!p.success) return reply(ack, 'invalid view payload');
      if (p.data.threadId !== null && !mayView(db, socket.data.viewer, p.data.threadId)) return reply(ack, 'forbidden');
      viewed(socket.id, viewers.view(socket.id, viewer.id, p.data.threadId));
      reply(ack);
    });
    socket.on('thread.typing', (payload, ack) => {
      const p = TypingPayloadSchema.safeParse(payload);
      if (!p.success) return reply(ack, 'invalid typing payload');
      if (!mayView(db, socket.data.viewer, p.data.threadId)) return reply(ack, 'forbidden');
      const until = p.data.typing ? now() + TYPING_TTL_MS : 0;
      if (viewers.typing(socket.id, viewer.id, p.data.threadId, until, now())) viewed(socket.id, [p.data.threadId]);
      reply(ack);
    });
    socket.on('disconnect', () => {
      const t = viewers.drop(socket.id);
      if (t !== null) viewed(socket.id, [t]);
      announce(viewer.id, presence.disconnect(viewer.id, socket.id), socket.data.viewer);
    });
  });

  const typingSweep = setInterval(() => viewers.expiredTyping(now()).forEach(broadcastViewers), 2_000);
  typingSweep.unref();

  const publisher: EventPublisher = {
    publish(events: RoutedEvent[]) {
      for (const { event, rooms } of events) emitLogged(io, rooms, event);
      board.onEvents(events);
    },
  };

  /** Re-join rooms of this node's sockets of an agent after their access changed; drop them when deactivated. */
  const refreshLocal = (agentId: number) => {
    const fresh = freshViewer(db, agentId);
    if (fresh) audience.remember(fresh);
    for (const s of io.sockets.sockets.values()) {
      if (s.data.viewer?.id !== agentId) continue;
      if (fresh === null) {
        // Deactivated (or gone): HTTP already answers 401, so live events must stop too.
        s.disconnect(true);
        continue;
      }
      for (const room of s.rooms) if (room !== s.id) void s.leave(room);
      s.data.viewer = fresh;
      share?.agentChanged(agentId, fresh);
      void s.join([...joinedRooms(fresh), sessionRoom(s.data.sessionHash)]);
      s.emit('presence.snapshot', audience.snapshotFor(fresh, presence));
    }
  };
  io.on('agent.refresh', refreshLocal);

  return {
    io,
    publisher,
    presence,
    board,
    onPresence(listener) {
      presenceListeners.push(listener);
    },
    setPresence(agentId, p) {
      announce(agentId, presence.choose(agentId, p));
      return presence.of(agentId);
    },
    refreshAgent(agentId) {
      const before = audience.viewerOf(agentId);
      refreshLocal(agentId);
      if (!cluster) return;
      io.serverSideEmit('agent.refresh', agentId);
      // serverSideEmit is a plain PUBLISH, lost in a Redis blip; a disconnect goes through the adapter's
      // stream and is replayed. So when the access changed, the agent's sockets on every node reconnect
      // and join the rooms of their current access (or are refused, deactivated).
      if (accessChanged(before, freshViewer(db, agentId))) io.in(agentRoom(agentId)).disconnectSockets(true);
    },
    disconnectSessions(hashes) {
      // Every socket joined its session's room, so this reaches the sockets on every node.
      if (hashes.length > 0) io.in(hashes.map(sessionRoom)).disconnectSockets(true);
    },
    async start() {
      if (!cluster || !share) return;
      // The streams adapter (not plain pub/sub) resumes after a Redis blip without losing broadcasts.
      io.adapter(streamsAdapter(cluster.redis));
      await share.start();
    },
    disconnectAll() {
      for (const nsp of [io.of('/'), io.of('/widget')]) nsp.local.disconnectSockets(true);
    },
    async close() {
      clearInterval(typingSweep);
      await share?.close();
      batch.close();
      board.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

/** The room of one login session's sockets (logout and password changes disconnect them on every node). */
function sessionRoom(sessionHash: string): string {
  return `session:${sessionHash}`;
}

/** Thread rooms (the same set filters catch-up from the event log), floor-board and presence rooms. */
function joinedRooms(viewer: Viewer): string[] {
  return [...roomsForViewer(viewer), ...boardRoomsForViewer(viewer), ...presenceRoomsForViewer(viewer)];
}

function mayView(db: Db, viewer: Viewer, threadId: number): boolean {
  try {
    return canSeeThread(viewer, getThreadRow(db, threadId));
  } catch {
    return false;
  }
}

function reply(ack: SocketAck | undefined, error?: string): void {
  if (typeof ack !== 'function') return;
  ack(error ? { ok: false, error } : { ok: true });
}

/** Emit a logged event under its own name; the event map keeps name and payload in step. */
function emitLogged<K extends LoggedEvent['type']>(
  io: AgentServer,
  rooms: string[],
  event: Extract<LoggedEvent, { type: K }>,
): void {
  const op = io.to(rooms);
  const emit = op.emit.bind(op) as (ev: K, e: Extract<LoggedEvent, { type: K }>) => boolean;
  emit(event.type as K, event);
}

/** Whether an agent's rooms may differ: deactivated, access not known here, or another role or teams. */
function accessChanged(before: Viewer | undefined, after: Viewer | null): boolean {
  if (!before || !after) return true;
  const teams = (v: Viewer) => [...v.teamIds].sort((x, y) => x - y).join(',');
  return before.role !== after.role || teams(before) !== teams(after);
}
