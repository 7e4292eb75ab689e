import type { QueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import { LOGGED_EVENT_TYPES, type ClientToServerEvents, type ServerToClientEvents } from '#shared/socketEvents';
import type { LoggedEvent } from '#shared/schemas/events';
import { fetchEventsAfter } from '#client/api/events';
import { threadQueries } from '#client/api/threads';
import { applyBoardDeltaToCache, boardQueries } from '#client/api/liveBoard';
import { createEventSink, type EventSink } from './eventSink';
import { createSeqWindow, ORDER_FREE } from './lateEvents';
import type { LoggedEventName } from './eventHandlers';
import type { PushedStore } from './pushedStore';

/** The agent's socket, typed with the shared event maps. */
export type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a live connection needs from the screen around it. */
export interface ConnectionOptions {
  qc: QueryClient;
  myId: number;
  /** The log sequence the cached data already reflects (the head read before any data query). */
  lastSeq: number;
  pushed: PushedStore;
  openThread(): number | null;
  onConnectedChange(connected: boolean): void;
  /** Told of every applied event, after the cache (notifications, sounds). */
  onApplied(e: LoggedEvent): void;
  /** Opens the socket (tests pass one that never connects). */
  open?: () => AgentSocket;
}

/** The events the server pushes that are not logged: they go to the pushed store, not the cache. */
type PushedName = Exclude<keyof ServerToClientEvents, LoggedEventName>;

/** One listener per pushed event: a pushed event added to the shared map without one here does not compile. */
function pushedHandlers(store: PushedStore, qc: QueryClient): { [K in PushedName]: ServerToClientEvents[K] } {
  return {
    'live.board': (delta) => applyBoardDeltaToCache(qc, delta),
    'presence.snapshot': (list) => store.setPresenceSnapshot(list),
    'presence.changed': (changes) => store.applyPresence(changes),
    'thread.viewers': (v) => store.setViewers(v),
  };
}

/**
 * Subscribe to live events from `lastSeq` on. On every (re)connect it fetches what it missed after
 * the last applied sequence; events arriving meanwhile wait, so none is applied twice. Live events
 * from several nodes may arrive out of seq order: see `apply`.
 */
export function connect(o: ConnectionOptions): { socket: AgentSocket; sink: EventSink; close(): void } {
  const seen = createSeqWindow(o.lastSeq);
  let catchingUp = false;
  let buffered: LoggedEvent[] = [];
  let closed = false;
  const sink = createEventSink(o.qc, () => ({ myId: o.myId, openThreadId: o.openThread() }));
  // A duplicate is dropped. An event above every applied one is applied. A late one (another node
  // published it after a newer one reached us) is applied only if its handler is order-free;
  // otherwise the lists and its thread are read again, since patching its older snapshot in could
  // undo a newer one. Listeners hear each event once, late or not; one too old to tell whether it
  // was applied only refreshes the cache (harmless twice) and is not told again.
  const apply = (e: LoggedEvent) => {
    const verdict = seen.mark(e.seq);
    if (verdict === 'applied') return;
    if (verdict === 'next' || ORDER_FREE.has(e.type)) sink.apply(e);
    else sink.refresh(e);
    if (verdict !== 'unknown') o.onApplied(e);
  };
  const live = (e: LoggedEvent) => (catchingUp ? buffered.push(e) : apply(e));
  const catchUp = async () => {
    catchingUp = true;
    try {
      for (let more = true; more && !closed;) {
        const page = await fetchEventsAfter(seen.last());
        page.events.forEach(apply);
        more = page.more;
      }
    } catch {
      // Network trouble: the next reconnect tries again; refetch lists so nothing stays stale.
      void o.qc.invalidateQueries({ queryKey: threadQueries.lists() });
    } finally {
      catchingUp = false;
      const pending = buffered.sort((a, b) => a.seq - b.seq);
      buffered = [];
      pending.forEach(apply);
    }
  };

  const socket = o.open ? o.open() : (io({ withCredentials: true }) as AgentSocket);
  for (const type of LOGGED_EVENT_TYPES) socket.on(type, live);
  for (const [type, fn] of Object.entries(pushedHandlers(o.pushed, o.qc))) socket.on(type as PushedName, fn);
  socket.on('connect', () => {
    o.onConnectedChange(true);
    const open = o.openThread();
    if (open !== null) socket.emit('thread.view', { threadId: open });
    void catchUp();
    // A board may have missed deltas while the socket was down: its snapshot is read again.
    void o.qc.invalidateQueries({ queryKey: boardQueries.all() });
  });
  socket.on('disconnect', () => o.onConnectedChange(false));
  return {
    socket,
    sink,
    close() {
      closed = true;
      sink.dispose();
      socket.close();
    },
  };
}
