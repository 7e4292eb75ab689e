import { useSyncExternalStore } from 'react';

let now = Date.now();
const subs = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(fn: () => void): () => void {
  subs.add(fn);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      subs.forEach((s) => s());
    }, 15_000);
  }
  return () => {
    subs.delete(fn);
    if (subs.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Current time, shared by every live clock and refreshed every 15 seconds. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}
