import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import type { ThreadStatus } from '#shared/schemas/common';
import type { ThreadCounts } from '#shared/schemas/threadCounts';
import type { ThreadListQuery } from '#shared/schemas/thread';
import type { ThreadFilters } from '#client/api/threads';
import { isOneOf } from '#shared/oneOf';

/** A sidebar view: one of the three queues, a team, a channel or a status. */
export type ViewKey =
  'mine' | 'unassigned' | 'all' | `team:${number}` | `channel:${ChannelKind}` | `status:${ThreadStatus}`;
/** List orders the agent can pick. */
export type SortKey = ThreadListQuery['sort'];
/** The list orders, as the sort picker offers them. */
export const SORT_KEYS: readonly SortKey[] = ['waiting', 'activity', 'priority'];

const STATUSES: readonly ThreadStatus[] = ['open', 'pending', 'snoozed', 'resolved'];

/** What a view key names: a queue, a team, a channel or a status. */
type ViewTarget =
  | { kind: 'mine' | 'unassigned' | 'all' }
  | { kind: 'team'; teamId: number }
  | { kind: 'channel'; channel: ChannelKind }
  | { kind: 'status'; status: ThreadStatus };

/** Read a view key (stored or typed), or null when it names no view. */
function viewTarget(raw: string): ViewTarget | null {
  if (raw === 'mine' || raw === 'unassigned' || raw === 'all') return { kind: raw };
  const [kind, value] = raw.split(':');
  if (kind === 'team' && /^\d+$/.test(value ?? '')) return { kind, teamId: Number(value) };
  if (kind === 'channel' && isOneOf(CHANNEL_KINDS, value)) return { kind, channel: value };
  if (kind === 'status' && isOneOf(STATUSES, value)) return { kind, status: value };
  return null;
}

/** The list filters behind a view. Queue, team and channel views show open threads. */
export function viewFilters(view: ViewKey, sort: SortKey): ThreadFilters {
  const v = viewTarget(view) ?? { kind: 'all' };
  switch (v.kind) {
    case 'mine':
      return { status: 'open', assignee: 'me', sort };
    case 'unassigned':
      return { status: 'open', assignee: 'unassigned', sort };
    case 'all':
      return { status: 'open', assignee: 'any', sort };
    case 'team':
      return { status: 'open', assignee: 'any', sort, team: v.teamId };
    case 'channel':
      return { status: 'open', assignee: 'any', sort, channel: v.channel };
    case 'status':
      return { status: v.status, assignee: 'any', sort };
  }
}

/** The live count of a view, or undefined while counts load. */
export function viewCount(view: ViewKey, c: ThreadCounts | undefined): number | undefined {
  if (!c) return undefined;
  const v = viewTarget(view) ?? { kind: 'all' };
  switch (v.kind) {
    case 'mine':
    case 'unassigned':
    case 'all':
      return c[v.kind];
    case 'team':
      return c.teams.find((x) => x.teamId === v.teamId)?.count ?? 0;
    case 'channel':
      return c.channels.find((x) => x.channel === v.channel)?.count ?? 0;
    case 'status':
      return c.statuses[v.status];
  }
}

/** Parse a stored view key, falling back to "all" for anything unknown. */
export function parseView(raw: string | null): ViewKey {
  const v = viewTarget(raw ?? '');
  if (!v) return 'all';
  switch (v.kind) {
    case 'mine':
    case 'unassigned':
    case 'all':
      return v.kind;
    case 'team':
      return `team:${v.teamId}`;
    case 'channel':
      return `channel:${v.channel}`;
    case 'status':
      return `status:${v.status}`;
  }
}

/** Status views, in workflow order. */
export const STATUS_VIEWS: readonly ThreadStatus[] = STATUSES;
