import { useQuery } from '@tanstack/react-query';
import type { Presence } from '#shared/schemas/common';
import { qk } from '#client/api/queryKeys';

// Presence and viewers are pushed by the socket into the cache; these hooks only read it.
const pushed = <T>(empty: T) =>
  ({ queryFn: () => empty, enabled: false, staleTime: Infinity, gcTime: Infinity }) as const;

/** Live presence of every connected agent (agents missing from the map are offline). */
export function usePresenceMap(): Record<number, Presence> {
  return useQuery({ queryKey: qk.presence(), ...pushed<Record<number, Presence>>({}) }).data ?? {};
}

/** Who else is looking at (and typing in) a thread right now. */
export function useViewers(threadId: number): Array<{ agentId: number; typing: boolean }> {
  return (
    useQuery({ queryKey: qk.viewers(threadId), ...pushed<Array<{ agentId: number; typing: boolean }>>([]) }).data ?? []
  );
}
