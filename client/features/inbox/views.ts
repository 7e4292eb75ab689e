import { CHANNEL_KINDS, type ChannelKind } from '#shared/channels';
import type { ThreadStatus } from '#shared/schemas/common';
import type { ThreadCounts } from '#shared/schemas/threadCounts';
import type { ThreadListQuery } from '#shared/schemas/thread';
import type { ThreadFilters } from '#client/api/threads';

/** A sidebar view: one of the three queues, a team, a channel or a status. */
export type ViewKey =
  'mine' | 'unassigned' | 'all' | `team:${number}` | `channel:${ChannelKind}` | `status:${ThreadStatus}`;
/** List orders the agent can pick. */
export type SortKey = ThreadListQuery['sort'];

const STATUSES: readonly ThreadStatus[] = ['open', 'pending', 'snoozed', 'resolved'];

/** The list filters behind a view. Queue, team and channel views show open threads. */
export function viewFilters(view: ViewKey, sort: SortKey): ThreadFilters {
  if (view === 'mine') return { status: 'open', assignee: 'me', sort };
  if (view === 'unassigned') return { status: 'open', assignee: 'unassigned', sort };
  if (view === 'all') return { status: 'open', assignee: 'any', sort };
  const [kind, value] = view.split(':') as [string, string];
  if (kind === 'team') return { status: 'open', assignee: 'any', sort, team: Number(value) };
  if (kind === 'channel') return { status: 'open', assignee: 'any', sort, channel: value as ChannelKind };
  return { status: value as ThreadStatus, assignee: 'any', sort };
}

/** The live count of a view, or undefined while counts load. */
export function viewCount(view: ViewKey, c: ThreadCounts | undefined): number | undefined {
  if (!c) return undefined;
  if (view === 'mine' || view === 'unassigned' || view === 'all') return c[view];
  const [kind, value] = view.split(':') as [string, string];
  if (kind === 'team') return c.teams.find((x) => x.teamId === Number(value))?.count ?? 0;
  if (kind === 'channel') return c.channels.find((x) => x.channel === value)?.count ?? 0;
  return c.statuses[value as ThreadStatus];
}

/** Parse a stored view key, falling back to "all" for anything unknown. */
export function parseView(raw: string | null): ViewKey {
  if (raw === 'mine' || raw === 'unassigned' || raw === 'all') return raw;
  const [kind, value] = (raw ?? '').split(':');
  if (kind === 'team' && /^\d+$/.test(value ?? '')) return `team:${Number(value)}`;
  if (kind === 'channel' && (CHANNEL_KINDS as readonly string[]).includes(value ?? ''))
    return `channel:${value as ChannelKind}`;
  if (kind === 'status' && (STATUSES as readonly string[]).includes(value ?? ''))
    return `status:${value as ThreadStatus}`;
  return 'all';
}

/** Status views, in workflow order. */
export const STATUS_VIEWS: readonly ThreadStatus[] = STATUSES;
