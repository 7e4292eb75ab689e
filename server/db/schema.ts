import { sql } from 'drizzle-orm';
import {
  sqliteTable,
  integer,
  text,
  real,
  uniqueIndex,
  index,
  primaryKey,
} from 'drizzle-orm/sqlite-core';

// All timestamps are epoch milliseconds (integers) so the response-time maths stays exact.

/** Teams group agents and own threads; business hours and automation settings live here. */
export const teams = sqliteTable('teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  autoAssign: integer('auto_assign', { mode: 'boolean' }).notNull().default(false),
  /** JSON BusinessSchedule (time zone, weekly hours, holidays) or null for always open. */
  businessHours: text('business_hours', { mode: 'json' }),
  /** JSON team settings: acknowledgement, survey kind, sentiment threshold, … */
  settings: text('settings', { mode: 'json' }).notNull().default(sql`'{}'`),
  createdAt: integer('created_at').notNull(),
});

/** People who log in: agents, leads, supervisors and admins. */
export const agents = sqliteTable('agents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['agent', 'lead', 'supervisor', 'admin'] }).notNull(),
  locale: text('locale').notNull().default('en'),
  capacity: integer('capacity').notNull().default(10),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Last explicit presence choice; live presence is derived from connected sockets. */
  presence: text('presence', { enum: ['online', 'away', 'offline'] }).notNull().default('offline'),
  passwordChangedAt: integer('password_changed_at').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** Team membership (an agent may belong to several teams). */
export const agentTeams = sqliteTable(
  'agent_teams',
  {
    agentId: integer('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    teamId: integer('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.teamId] })],
);

/** Server-side sessions; the cookie holds only the random id, the table holds its hash. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    agentId: integer('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_agent_idx').on(t.agentId)],
);

/** API keys for the API channel (custom integrations); only a hash of the key is kept. */
export const apiKeys = sqliteTable('api_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  callbackUrl: text('callback_url'),
  createdBy: integer('created_by').references(() => agents.id),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
});

/** A person who writes to us; identities point at exactly one customer. */
export const customers = sqliteTable('customers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  notes: text('notes').notNull().default(''),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  language: text('language'),
  timeZone: text('time_zone'),
  tier: text('tier'),
  /** Set when this customer was merged into another; the row stays for unmerge and audit. */
  mergedIntoId: integer('merged_into_id'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** One address on one channel (normalised: E.164 phone, lower-cased email, opaque id). */
export const identities = sqliteTable(
  'identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id').notNull().references(() => customers.id),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    displayName: text('display_name'),
    /** E.164 phone for phone-based channels (and shared contacts), used for cross-channel matching. */
    phone: text('phone'),
    /** Lower-cased email when known, used for cross-channel matching. */
    email: text('email'),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    /** Channel facts needed to reply (API key id, Telegram chat id, provider transport, …). */
    meta: text('meta', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    lastInboundAt: integer('last_inbound_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('identities_channel_address_uq').on(t.channel, t.address),
    index('identities_phone_idx').on(t.phone),
    index('identities_email_idx').on(t.email),
    index('identities_customer_idx').on(t.customerId),
  ],
);

/** Exactly one thread per customer: the whole cross-channel conversation. */
export const threads = sqliteTable(
  'threads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id').notNull().references(() => customers.id),
    status: text('status', { enum: ['open', 'pending', 'snoozed', 'resolved'] }).notNull(),
    snoozedUntil: integer('snoozed_until'),
    assigneeId: integer('assignee_id').references(() => agents.id),
    teamId: integer('team_id').references(() => teams.id),
    priority: text('priority', { enum: ['low', 'normal', 'high', 'urgent'] }).notNull().default('normal'),
    currentEpisodeId: integer('current_episode_id'),
    /** Oldest inbound message not yet answered by an agent (null when nobody waits). */
    waitingSince: integer('waiting_since'),
    lastAgentReplyAt: integer('last_agent_reply_at'),
    lastInboundAt: integer('last_inbound_at'),
    lastMessageAt: integer('last_message_at').notNull(),
    lastMessageId: integer('last_message_id'),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    lastInboundChannel: text('last_inbound_channel'),
    lastInboundIdentityId: integer('last_inbound_identity_id'),
    /** Channels that ever appeared in this thread, JSON array. */
    channels: text('channels', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    lastSentimentScore: real('last_sentiment_score'),
    lastSentimentLabel: text('last_sentiment_label'),
    /** Set when the customer owning this thread was merged away; merged threads are hidden. */
    mergedIntoThreadId: integer('merged_into_thread_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('threads_customer_uq').on(t.customerId),
    index('threads_waiting_idx').on(t.waitingSince, t.id),
    index('threads_activity_idx').on(t.lastMessageAt, t.id),
    index('threads_assignee_idx').on(t.assigneeId, t.status),
    index('threads_team_idx').on(t.teamId, t.status),
  ],
);

/** One open→resolved cycle of a thread: the unit of response metrics, SLA and surveys. */
export const episodes = sqliteTable(
  'episodes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id').notNull().references(() => threads.id),
    number: integer('number').notNull(),
    openedAt: integer('opened_at').notNull(),
    resolvedAt: integer('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => agents.id),
    firstResponseAt: integer('first_response_at'),
    assigneeId: integer('assignee_id').references(() => agents.id),
    teamId: integer('team_id').references(() => teams.id),
    sentimentStart: real('sentiment_start'),
    sentimentEnd: real('sentiment_end'),
    predictedWaitMs: integer('predicted_wait_ms'),
    /** Set while the thread is pending/snoozed: the resolution clock is paused. */
    pausedSince: integer('paused_since'),
    /** Time this episode already spent paused (calendar and business ms). */
    pausedMs: integer('paused_ms').notNull().default(0),
    pausedBusinessMs: integer('paused_business_ms').notNull().default(0),
    surveyKind: text('survey_kind', { enum: ['csat', 'nps'] }),
    surveySentAt: integer('survey_sent_at'),
    surveyScore: integer('survey_score'),
    surveyAnsweredAt: integer('survey_answered_at'),
  },
  (t) => [index('episodes_thread_idx').on(t.threadId, t.number)],
);

/** Every message in a thread: inbound, outbound, internal note or system event. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id').notNull().references(() => threads.id),
    episodeId: integer('episode_id').references(() => episodes.id),
    direction: text('direction', { enum: ['inbound', 'outbound', 'note', 'system'] }).notNull(),
    channel: text('channel'),
    identityId: integer('identity_id').references(() => identities.id),
    authorAgentId: integer('author_agent_id').references(() => agents.id),
    text: text('text').notNull(),
    html: text('html'),
    subject: text('subject'),
    attachments: text('attachments', { mode: 'json' }).$type<unknown[]>().notNull().default(sql`'[]'`),
    providerMessageId: text('provider_message_id'),
    providerTs: integer('provider_ts'),
    receivedAt: integer('received_at').notNull(),
    /** Ordering key: provider timestamp when known, else received time. */
    sortTs: integer('sort_ts').notNull(),
    deliveryStatus: text('delivery_status', {
      enum: ['queued', 'sent', 'delivered', 'read', 'failed'],
    }),
    deliveryError: text('delivery_error'),
    /** Automatic acknowledgement / survey question: never counts as a response. */
    isAuto: integer('is_auto', { mode: 'boolean' }).notNull().default(false),
    /** For agent replies: how long the customer had waited (calendar ms). */
    waitedMs: integer('waited_ms'),
    /** Client-generated idempotency key for agent posts. */
    clientId: text('client_id'),
    sentimentScore: real('sentiment_score'),
    sentimentLabel: text('sentiment_label'),
    language: text('language'),
    systemKind: text('system_kind'),
    meta: text('meta', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [
    uniqueIndex('messages_provider_uq').on(t.channel, t.providerMessageId),
    index('messages_thread_sort_idx').on(t.threadId, t.sortTs, t.id),
    index('messages_episode_idx').on(t.episodeId),
    uniqueIndex('messages_client_uq').on(t.authorAgentId, t.clientId),
  ],
);

/** Append-only log of everything agents must see live; seq is the monotonic cursor. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    threadId: integer('thread_id'),
    /** Socket rooms the event went to (JSON array), so catch-up applies the same visibility as live. */
    rooms: text('rooms', { mode: 'json' }).$type<string[]>().notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('events_thread_idx').on(t.threadId)],
);

/** Replies waiting to be delivered by a provider; survives restarts. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id').notNull().unique().references(() => messages.id),
    channel: text('channel').notNull(),
    identityId: integer('identity_id').notNull().references(() => identities.id),
    status: text('status', { enum: ['pending', 'sending', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Audit record of a customer merge, with everything needed to undo it. */
export const merges = sqliteTable('merges', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  targetCustomerId: integer('target_customer_id').notNull().references(() => customers.id),
  sourceCustomerId: integer('source_customer_id').notNull().references(() => customers.id),
  agentId: integer('agent_id').references(() => agents.id),
  /** JSON: moved identity ids, message ids, episode ids and the source thread's prior state. */
  moved: text('moved', { mode: 'json' }).notNull(),
  createdAt: integer('created_at').notNull(),
  undoneAt: integer('undone_at'),
  undoneBy: integer('undone_by').references(() => agents.id),
});

/** Per-agent read marker for unread counts. */
export const threadReads = sqliteTable(
  'thread_reads',
  {
    agentId: integer('agent_id').notNull().references(() => agents.id, { onDelete: 'cascade' }),
    threadId: integer('thread_id').notNull().references(() => threads.id, { onDelete: 'cascade' }),
    lastReadMessageId: integer('last_read_message_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.threadId] })],
);

/** Canned responses inserted with /shortcut, with per-language variants. */
export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    shortcut: text('shortcut').notNull(),
    language: text('language').notNull().default('en'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    teamId: integer('team_id').references(() => teams.id),
    createdBy: integer('created_by').references(() => agents.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('canned_shortcut_lang_uq').on(t.shortcut, t.language)],
);

/** SLA policies: targets chosen by team, channel, tier and priority. */
export const slaPolicies = sqliteTable('sla_policies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** JSON match criteria { teamIds, channels, tiers, priorities }. */
  match: text('match', { mode: 'json' }).notNull().default(sql`'{}'`),
  firstResponseMs: integer('first_response_ms'),
  nextResponseMs: integer('next_response_ms'),
  resolutionMs: integer('resolution_ms'),
  businessHours: integer('business_hours', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

/** Key/value settings an admin can change at run time. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** SLA threshold events already fired, so each fires exactly once, also across restarts. */
export const slaAlerts = sqliteTable(
  'sla_alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    threadId: integer('thread_id').notNull().references(() => threads.id),
    episodeId: integer('episode_id').notNull().references(() => episodes.id),
    kind: text('kind', { enum: ['first_response', 'next_response', 'resolution'] }).notNull(),
    /** The clock's start: a new unanswered message starts a new next-response clock. */
    clockStartedAt: integer('clock_started_at').notNull(),
    fraction: real('fraction').notNull(),
    dueAt: integer('due_at').notNull(),
    firedAt: integer('fired_at').notNull(),
  },
  (t) => [uniqueIndex('sla_alerts_uq').on(t.episodeId, t.kind, t.clockStartedAt, t.fraction)],
);

/** Files agents attach to replies, stored under DATA_DIR/uploads and served by an unguessable URL. */
export const uploads = sqliteTable('uploads', {
  token: text('token').primaryKey(),
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  createdBy: integer('created_by').references(() => agents.id),
  createdAt: integer('created_at').notNull(),
});
