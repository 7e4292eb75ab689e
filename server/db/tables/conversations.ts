// Who writes to us and where: customers, identities, threads (episodes and messages: ./messages.ts).
// All timestamps are epoch milliseconds (integers) so the response-time maths stays exact.
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type SQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import type { ChannelKind } from '#shared/channels';
import { SENTIMENT_LABELS } from '#shared/schemas/common';
import { agents, teams } from './people';
import { BOARD_WAITING, INBOX_PRIORITY_KEY, INBOX_WAITING_KEY, LIVE } from '#server/db/sortKeys';
import {
  id,
  count,
  createdAt,
  timestamps,
  ref,
  jsonList,
  jsonObject,
  channel,
  threadStatus,
  int,
  teamKey,
  tally,
} from './columns';

/** A person who writes to us; identities point at exactly one customer. */
export const customers = sqliteTable('customers', {
  id: id(),
  name: text('name').notNull(),
  notes: text('notes').notNull().default(''),
  tags: jsonList<string>('tags'),
  language: text('language'),
  timeZone: text('time_zone'),
  tier: text('tier'),
  /** Set when this customer was merged into another; the row stays for unmerge and audit. */
  mergedIntoId: integer('merged_into_id'),
  ...timestamps(),
});

/** One address on one channel (normalised: E.164 phone, lower-cased email, opaque id). */
export const identities = sqliteTable(
  'identities',
  {
    id: id(),
    customerId: ref('customer_id', () => customers.id),
    channel: channel('channel').notNull(),
    address: text('address').notNull(),
    displayName: text('display_name'),
    /** E.164 phone for phone-based channels (and shared contacts), used for cross-channel matching. */
    phone: text('phone'),
    /** Lower-cased email when known, used for cross-channel matching. */
    email: text('email'),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    /** Channel facts needed to reply (API key id, Telegram chat id, provider transport, …). */
    meta: jsonObject<Record<string, unknown>>('meta'),
    lastInboundAt: integer('last_inbound_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('identities_channel_address_uq').on(t.channel, t.address),
    index('identities_phone_idx').on(t.phone),
    index('identities_email_idx').on(t.email),
    index('identities_customer_idx').on(t.customerId),
  ],
);

/** The threads columns the inbox list's filters read besides status and the sort key (threadListQuery.ts). */
const inboxFilters = (t: { teamId: SQLiteColumn; assigneeId: SQLiteColumn; mergedIntoThreadId: SQLiteColumn }) =>
  [t.teamId, t.assigneeId, t.mergedIntoThreadId] as const;

/** Exactly one thread per customer: the whole cross-channel conversation. */
export const threads = sqliteTable(
  'threads',
  {
    id: id(),
    customerId: ref('customer_id', () => customers.id),
    status: threadStatus(),
    snoozedUntil: integer('snoozed_until'),
    assigneeId: integer('assignee_id').references(() => agents.id),
    teamId: integer('team_id').references(() => teams.id),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] })
      .notNull()
      .default('normal'),
    currentEpisodeId: integer('current_episode_id'),
    /** Oldest inbound message not yet answered by an agent (null when nobody waits). */
    waitingSince: integer('waiting_since'),
    lastAgentReplyAt: integer('last_agent_reply_at'),
    lastInboundAt: integer('last_inbound_at'),
    lastMessageAt: int('last_message_at'),
    lastMessageId: integer('last_message_id'),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    lastInboundChannel: channel('last_inbound_channel'),
    lastInboundIdentityId: integer('last_inbound_identity_id'),
    /** Channels that ever appeared in this thread, JSON array. */
    channels: jsonList<ChannelKind>('channels'),
    /** Inbound messages in this thread (kept by triggers, see migration 0008): unread = this − read mark's count. */
    inboundCount: count('inbound_count'),
    lastSentimentScore: real('last_sentiment_score'),
    lastSentimentLabel: text('last_sentiment_label', { enum: SENTIMENT_LABELS }),
    /** Set when the customer owning this thread was merged away; merged threads are hidden. */
    mergedIntoThreadId: integer('merged_into_thread_id'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('threads_customer_uq').on(t.customerId),
    index('threads_waiting_idx').on(t.waitingSince, t.id),
    index('threads_activity_idx').on(t.lastMessageAt, t.id),
    // Covering the counts of one agent's threads (status, team, live). Not the unread count (kept per
    // agent in agent_unread): with inbound_count in it every inbound message rewrote this index.
    index('threads_assignee_idx').on(t.assigneeId, t.status, t.teamId, t.mergedIntoThreadId),
    index('threads_team_idx').on(t.teamId, t.status),
    // The inbox sorts: status + sort key + id, so a first page is read in order and stops at the limit;
    // then the columns the list's other filters read (team, assignee, live), so the rows a viewer may
    // not see or did not ask for are skipped inside the index instead of each costing a table read.
    // Not partial: status-only lookups (snoozed threads due, SLA planning) use them too.
    index('threads_inbox_waiting_idx').on(t.status, sql.raw(INBOX_WAITING_KEY), t.id, ...inboxFilters(t)),
    index('threads_inbox_activity_idx').on(t.status, t.lastMessageAt, t.id, ...inboxFilters(t)),
    index('threads_inbox_priority_idx').on(t.status, sql.raw(INBOX_PRIORITY_KEY), t.id, ...inboxFilters(t)),
    // One agent's view (Mine, a supervisor's pick of an agent) and the unassigned view (assignee IS
    // NULL): assignee + status + sort key over live threads, so a page seeks those threads in order
    // instead of walking past every other thread of its status; then the team, so an agent's team
    // limit is checked in the index.
    index('threads_assignee_waiting_idx')
      .on(t.assigneeId, t.status, sql.raw(INBOX_WAITING_KEY), t.id, t.teamId)
      .where(sql.raw(LIVE)),
    index('threads_assignee_activity_idx')
      .on(t.assigneeId, t.status, t.lastMessageAt, t.id, t.teamId)
      .where(sql.raw(LIVE)),
    index('threads_assignee_priority_idx')
      .on(t.assigneeId, t.status, sql.raw(INBOX_PRIORITY_KEY), t.id, t.teamId)
      .where(sql.raw(LIVE)),
    // The floor board: oldest and median wait per team, team and channel, and assignee (waiting threads only).
    index('threads_board_team_wait_idx').on(t.teamId, t.waitingSince).where(sql.raw(BOARD_WAITING)),
    index('threads_board_channel_wait_idx')
      .on(t.teamId, t.lastInboundChannel, t.waitingSince)
      .where(sql.raw(BOARD_WAITING)),
    index('threads_board_agent_wait_idx').on(t.assigneeId, t.waitingSince).where(sql.raw(BOARD_WAITING)),
  ],
);

/** Per-agent read marker for unread counts. */
export const threadReads = sqliteTable(
  'thread_reads',
  {
    agentId: ref('agent_id', () => agents.id, { onDelete: 'cascade' }),
    threadId: ref('thread_id', () => threads.id, { onDelete: 'cascade' }),
    lastReadMessageId: int('last_read_message_id'),
    /** Inbound messages of the thread up to the mark (kept by triggers, see migration 0008). */
    readInboundCount: count('read_inbound_count'),
  },
  (t) => [
    primaryKey({ columns: [t.agentId, t.threadId] }),
    index('thread_reads_thread_idx').on(t.threadId, t.lastReadMessageId),
  ],
);

type ThreadFields = typeof threads.$inferSelect;
/** What a merge moved (the JSON of `merges.moved`), kept so it can be undone. */
export interface MergeMoves {
  identityIds: number[];
  messageIds: number[];
  episodeIds: number[];
  sourceThreadId: number;
  targetThreadId: number;
  sourceThread: Pick<
    ThreadFields,
    'status' | 'snoozedUntil' | 'assigneeId' | 'teamId' | 'priority' | 'currentEpisodeId'
  >;
  targetThread: Pick<ThreadFields, 'status' | 'snoozedUntil' | 'assigneeId' | 'currentEpisodeId'>;
}

/** Audit record of a customer merge, with everything needed to undo it. */
export const merges = sqliteTable('merges', {
  id: id(),
  targetCustomerId: ref('target_customer_id', () => customers.id),
  sourceCustomerId: ref('source_customer_id', () => customers.id),
  agentId: integer('agent_id').references(() => agents.id),
  /** Moved identity ids, message ids, episode ids and both threads' prior state. */
  moved: text('moved', { mode: 'json' }).$type<MergeMoves>().notNull(),
  createdAt: createdAt(),
  undoneAt: integer('undone_at'),
  undoneBy: integer('undone_by').references(() => agents.id),
});

/**
 * Live (not merged-away) threads per team (0 = no team), status and whether unassigned: the inbox
 * counts read these instead of counting threads. Kept in the same transaction by triggers on
 * threads (migration 0008), so every writer keeps them right.
 */
export const threadTallies = sqliteTable(
  'thread_tallies',
  {
    teamKey: teamKey(),
    status: threadStatus(),
    unassigned: int('unassigned'),
    n: tally(),
  },
  (t) => [primaryKey({ columns: [t.teamKey, t.status, t.unassigned] })],
);

/**
 * Unread inbound messages per agent over the live threads assigned to them (the counts' "unread
 * mine"): the sum of inbound_count − the agent's read_inbound_count, kept by triggers on threads
 * and thread_reads in the writing transaction (migration 0020), so counts read one row.
 */
export const agentUnread = sqliteTable('agent_unread', {
  agentId: integer('agent_id').primaryKey(),
  n: tally(),
});

/** Live threads per team (0 = no team), status and channel they ever used; kept like threadTallies. */
export const channelTallies = sqliteTable(
  'channel_tallies',
  {
    teamKey: teamKey(),
    status: threadStatus(),
    channel: channel('channel').notNull(),
    n: tally(),
  },
  (t) => [primaryKey({ columns: [t.teamKey, t.status, t.channel] })],
);

/**
 * A link a customer claimed but no provider proved (a web-chat pre-chat email, an API integration's
 * phone): the claiming identity stays on its own customer until an agent confirms the suggestion.
 */
export const identitySuggestions = sqliteTable(
  'identity_suggestions',
  {
    id: id(),
    identityId: ref('identity_id', () => identities.id, { onDelete: 'cascade' }),
    /** The existing customer whose verified identity carries the same phone or email. */
    customerId: ref('customer_id', () => customers.id, { onDelete: 'cascade' }),
    matchedBy: text('matched_by', { enum: ['phone', 'email'] }).notNull(),
    status: text('status', { enum: ['open', 'confirmed', 'dismissed'] }).notNull(),
    decidedBy: integer('decided_by').references(() => agents.id),
    decidedAt: integer('decided_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('identity_suggestions_pair_uq').on(t.identityId, t.customerId),
    index('identity_suggestions_customer_idx').on(t.customerId, t.status),
  ],
);
