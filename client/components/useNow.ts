import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
let now = Date.now();
const subs = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(fn: () => void): () => void {
  subs.add(fn);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      subs.forEach((s) => s());
    }, TICK_MS);
  }
  return () => {
    subs.delete(fn);
    if (subs.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// Stable between ticks (as useSyncExternalStore requires), but never staler than one tick, even
// when no clock was mounted for a while.
function snapshot(): number {
  if (Date.now() - now >= TICK_MS) now = Date.now();
  return now;
}

/** Current time, shared by every live clock and refreshed every 15 seconds. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
