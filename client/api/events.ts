import { queryOptions } from '@tanstack/react-query';
import { EventsHeadSchema, EventsPageSchema, type EventsPage } from '#shared/schemas/events';
import { api } from './http';

/**
 * The head of the event log: where a freshly opened workspace starts listening from. Read once per
 * mount before any data query runs (never refetched while mounted, never reused by a later mount:
 * an old head would replay events the fresh lists already show).
 */
export const eventsHeadQuery = () =>
  queryOptions({
    queryKey: ['events', 'head'] as const,
    queryFn: ({ signal }) => api('/api/events/head', EventsHeadSchema, { signal }),
    staleTime: Infinity,
    gcTime: 0,
  });

/** One page of the events logged after a sequence (the catch-up after a (re)connect). */
export function fetchEventsAfter(seq: number): Promise<EventsPage> {
  return api(`/api/events?after=${seq}`, EventsPageSchema);
}
