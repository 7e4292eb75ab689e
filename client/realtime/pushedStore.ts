import type { Presence } from '#shared/schemas/common';
import type { PresenceLists, ThreadViewers } from '#shared/schemas/events';

/** Who is looking at (and typing in) one thread. */
export type Viewers = ThreadViewers['viewers'];

/**
 * State the server pushes and nobody fetches: live presence of agents and the viewers of each
 * thread. A tiny external store read with useSyncExternalStore; every change replaces the object
 * it touches, so snapshots compare by identity.
 */
export interface PushedStore {
  subscribe(fn: () => void): () => void;
  /** Live presence by agent id (agents missing from the map are offline). */
  presence(): Readonly<Record<number, Presence>>;
  viewers(threadId: number): Viewers;
  /** Everyone's presence (agents not listed are offline). */
  setPresenceSnapshot(lists: PresenceLists): void;
  /** Presence changes (agents not listed are unchanged). */
  applyPresence(changes: PresenceLists): void;
  setViewers(v: ThreadViewers): void;
}

const NO_VIEWERS: Viewers = [];

/** A fresh, empty store (one per live connection). */
export function createPushedStore(): PushedStore {
  let presence: Record<number, Presence> = {};
  let viewers = new Map<number, Viewers>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((fn) => fn());
  return {
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    presence: () => presence,
    viewers: (threadId) => viewers.get(threadId) ?? NO_VIEWERS,
    setPresenceSnapshot(lists) {
      presence = byAgent(lists);
      changed();
    },
    applyPresence(changes) {
      presence = { ...presence, ...byAgent(changes) };
      changed();
    },
    setViewers(v) {
      viewers = new Map(viewers).set(v.threadId, v.viewers);
      changed();
    },
  };
}

/** Per-status id lists as one presence per agent. */
function byAgent(lists: PresenceLists): Record<number, Presence> {
  const map: Record<number, Presence> = {};
  for (const status of ['online', 'away', 'offline'] as const) for (const id of lists[status]) map[id] = status;
  return map;
}
