import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';
import {
  EventsHeadSchema,
  EventsPageSchema,
  type LoggedEvent,
  type PresenceChanged,
  type ThreadViewers,
} from '#shared/schemas/events';
import { api } from '#client/api/http';
import { qk } from '#client/api/queryKeys';
import { createEventSink, type EventSink } from './eventSink';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What screens can do with the live connection. */
export interface RealtimeApi {
  connected: boolean;
  /** Tell others which thread I am looking at (null = none). */
  viewThread(threadId: number | null): void;
  setTyping(threadId: number, typing: boolean): void;
  setPresence(p: 'online' | 'away'): void;
  /** Ask for fresh view counts soon (throttled with the socket-driven refreshes). */
  refreshCounts(): void;
  /** Subscribe to every applied event (notifications, sounds). */
  onEvent(fn: (e: LoggedEvent) => void): () => void;
}

/** The live-connection context (exported so tests can provide a stand-in without a socket). */
export const RealtimeContext = createContext<RealtimeApi | null>(null);
const Ctx = RealtimeContext;

/** Access the live connection. */
export function useRealtime(): RealtimeApi {
  const v = useContext(Ctx);
  if (!v) throw new Error('useRealtime outside RealtimeProvider');
  return v;
}

/**
 * Reads the log head BEFORE any data query runs, then subscribes; on every (re)connect it
 * fetches what it missed after the last applied sequence, so no event falls in a gap.
 */
export function RealtimeProvider({ myId, children }: { myId: number; children: ReactNode }) {
  const qc = useQueryClient();
  const [ready, setReady] = useState(false);
  const [connected, setConnected] = useState(false);
  const socketRef = useRef<AgentSocket | null>(null);
  const openThread = useRef<number | null>(null);
  const listeners = useRef(new Set<(e: LoggedEvent) => void>());
  const sink = useRef<EventSink | null>(null);

  useEffect(() => {
    let lastSeq = 0;
    let catchingUp = false;
    let buffered: LoggedEvent[] = [];
    let cancelled = false;
    const events = createEventSink(qc, () => ({ myId, openThreadId: openThread.current }));
    sink.current = events;
    const apply = (e: LoggedEvent) => {
      if (e.seq <= lastSeq) return;
      lastSeq = e.seq;
      events.apply(e);
      for (const fn of listeners.current) fn(e);
    };
    const live = (e: LoggedEvent) => (catchingUp ? buffered.push(e) : apply(e));
    const catchUp = async () => {
      catchingUp = true;
      try {
        for (let more = true; more && !cancelled;) {
          const page = await api(`/api/events?after=${lastSeq}`, EventsPageSchema);
          page.events.forEach(apply);
          more = page.more;
        }
      } catch {
        // Network trouble: the next reconnect tries again; refetch lists so nothing stays stale.
        void qc.invalidateQueries({ queryKey: qk.threadLists() });
      } finally {
        catchingUp = false;
        const pending = buffered.sort((a, b) => a.seq - b.seq);
        buffered = [];
        pending.forEach(apply);
      }
    };

    let socket: AgentSocket | null = null;
    void api('/api/events/head', EventsHeadSchema).then((head) => {
      if (cancelled) return;
      lastSeq = head.lastSeq;
      setReady(true);
      socket = io({ withCredentials: true });
      socketRef.current = socket;
      socket.on('message.created', live);
      socket.on('message.updated', live);
      socket.on('thread.updated', live);
      socket.on('thread.removed', live);
      socket.on('customer.updated', live);
      socket.on('sla.alerted', live);
      socket.on('sentiment.alerted', live);
      socket.on('connect', () => {
        setConnected(true);
        if (openThread.current !== null) socket?.emit('thread.view', { threadId: openThread.current });
        void catchUp();
      });
      socket.on('disconnect', () => setConnected(false));
      socket.on('presence.snapshot', (list) => qc.setQueryData(qk.presence(), toPresenceMap(list)));
      socket.on('presence.changed', (p) =>
        qc.setQueryData<Record<number, PresenceChanged['presence']>>(qk.presence(), (m) => ({
          ...(m ?? {}),
          [p.agentId]: p.presence,
        })),
      );
      socket.on('thread.viewers', (v: ThreadViewers) => qc.setQueryData(qk.viewers(v.threadId), v.viewers));
    });
    return () => {
      cancelled = true;
      events.dispose();
      socket?.close();
      socketRef.current = null;
    };
  }, [qc, myId]);

  const value = useMemo<RealtimeApi>(
    () => ({
      connected,
      viewThread(threadId) {
        openThread.current = threadId;
        socketRef.current?.emit('thread.view', { threadId });
      },
      setTyping(threadId, typing) {
        socketRef.current?.emit('thread.typing', { threadId, typing });
      },
      setPresence(presence) {
        socketRef.current?.emit('presence.set', { presence });
      },
      refreshCounts() {
        sink.current?.refreshCounts();
      },
      onEvent(fn) {
        listeners.current.add(fn);
        return () => listeners.current.delete(fn);
      },
    }),
    [connected],
  );
  if (!ready) return null;
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

function toPresenceMap(list: PresenceChanged[]): Record<number, PresenceChanged['presence']> {
  return Object.fromEntries(list.map((p) => [p.agentId, p.presence]));
}
