import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  window.addEventListener('popstate', fn);
  return () => {
    listeners.delete(fn);
    window.removeEventListener('popstate', fn);
  };
}

/** Navigate within the app without a reload. */
export function navigate(path: string, replace = false): void {
  if (path === window.location.pathname + window.location.search) return;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const fn of listeners) fn();
}

/** The current path, re-rendering on navigation. */
export function usePath(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}

/** The current query string ("?team=2" or ""), re-rendering on navigation. */
export function useSearch(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => '',
  );
}

/** The thread id in /t/:id, or null. */
export function threadIdFromPath(path: string): number | null {
  const m = /^\/t\/(\d+)/.exec(path);
  return m ? Number(m[1]) : null;
}

/** The current query string's parameters, re-rendering on navigation. */
export function useSearchParams(): URLSearchParams {
  return new URLSearchParams(useSearch());
}
