import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LoggedEvent } from '#shared/schemas/events';
import { eventsHeadQuery } from '#client/api/events';
import { connect, type AgentSocket } from './connection';
import type { EventSink } from './eventSink';
import { createPushedStore, type PushedStore } from './pushedStore';

/** What screens can do with the live connection. */
export interface RealtimeApi {
  connected: boolean;
  /** Presence and thread viewers as the server pushes them (read with usePresenceMap / useViewers). */
  pushed: PushedStore;
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

/** Access the live connection. */
export function useRealtime(): RealtimeApi {
  const v = useContext(RealtimeContext);
  if (!v) throw new Error('useRealtime outside RealtimeProvider');
  return v;
}

/**
 * Reads the log head (a query) BEFORE any data query runs — children render only once it is
 * known — then subscribes from it; see connection.ts for the catch-up on every (re)connect.
 */
export function RealtimeProvider({
  myId,
  children,
  openSocket,
}: {
  myId: number;
  children: ReactNode;
  /** Opens the socket (tests); the default connects to the page's origin. */
  openSocket?: () => AgentSocket;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const head = useQuery(eventsHeadQuery());
  const lastSeq = head.data?.lastSeq;
  const [connected, setConnected] = useState(false);
  const [pushed] = useState(createPushedStore);
  const socketRef = useRef<AgentSocket | null>(null);
  const sinkRef = useRef<EventSink | null>(null);
  const openThread = useRef<number | null>(null);
  const listeners = useRef(new Set<(e: LoggedEvent) => void>());

  useEffect(() => {
    if (lastSeq === undefined) return;
    const conn = connect({
      qc,
      myId,
      lastSeq,
      pushed,
      openThread: () => openThread.current,
      onConnectedChange: setConnected,
      onApplied: (e) => listeners.current.forEach((fn) => fn(e)),
      open: openSocket,
    });
    socketRef.current = conn.socket;
    sinkRef.current = conn.sink;
    return () => {
      conn.close();
      socketRef.current = null;
      sinkRef.current = null;
    };
  }, [qc, myId, lastSeq, pushed, openSocket]);

  const value = useMemo<RealtimeApi>(
    () => ({
      connected,
      pushed,
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
        sinkRef.current?.refreshCounts();
      },
      onEvent(fn) {
        listeners.current.add(fn);
        return () => listeners.current.delete(fn);
      },
    }),
    [connected, pushed],
  );
  if (head.isError) {
    return (
      <div className="center" role="alert">
        <p>{t('app.loadFailed', { reason: head.error.message })}</p>
        <button type="button" onClick={() => void head.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (head.isPending) return <p className="center">{t('app.loading')}</p>;
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}
