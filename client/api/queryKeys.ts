import type { ThreadListQuery } from '#shared/schemas/thread';

/** Filters of one inbox view (the cursor is React Query's page param, not part of the key). */
export type ThreadFilters = Pick<ThreadListQuery, 'status' | 'assignee' | 'sort'> &
  Partial<Pick<ThreadListQuery, 'team' | 'channel'>>;

/** The one query-key factory: every cache entry (and the send mutations) is named here. */
export const qk = {
  me: () => ['me'] as const,
  agents: () => ['agents'] as const,
  teams: () => ['teams'] as const,
  threadLists: () => ['threads', 'list'] as const,
  threadList: (f: ThreadFilters) => ['threads', 'list', f] as const,
  counts: () => ['threads', 'counts'] as const,
  thread: (id: number) => ['threads', 'detail', id] as const,
  messages: (threadId: number) => ['threads', 'messages', threadId] as const,
  customerSearch: (q: string) => ['customers', 'search', q] as const,
  customer: (id: number) => ['customers', 'detail', id] as const,
  canned: () => ['canned'] as const,
  /** A team's business hours and settings (not under 'teams', so renaming a team does not refetch every config). */
  teamConfig: (teamId: number) => ['team-config', teamId] as const,
  slaPolicies: () => ['sla-policies'] as const,
  apiKeys: () => ['api-keys'] as const,
  viewers: (threadId: number) => ['viewers', threadId] as const,
  presence: () => ['presence'] as const,
  /** Mutation key of replies and notes being sent to a thread (their variables are the optimistic messages). */
  sends: (threadId: number) => ['sends', threadId] as const,
};
