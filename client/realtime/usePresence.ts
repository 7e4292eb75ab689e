import { useCallback, useSyncExternalStore } from 'react';
import type { Presence } from '#shared/schemas/common';
import type { Viewers } from './pushedStore';
import { useRealtime } from './RealtimeProvider';

/** Live presence of every connected agent (agents missing from the map are offline). */
export function usePresenceMap(): Readonly<Record<number, Presence>> {
  const { pushed } = useRealtime();
  return useSyncExternalStore(pushed.subscribe, pushed.presence);
}

/** Who else is looking at (and typing in) a thread right now. */
export function useViewers(threadId: number): Viewers {
  const { pushed } = useRealtime();
  const snapshot = useCallback(() => pushed.viewers(threadId), [pushed, threadId]);
  return useSyncExternalStore(pushed.subscribe, snapshot);
}
