// Machinery around conversations: event log, outbox, canned responses, SLA, settings, uploads.
// All timestamps are epoch milliseconds (integers) so the response-time maths stays exact.
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { identities, threads } from './conversations';
import { episodes, messages } from './messages';
import { agents, teams } from './people';
import type { NewEvent } from '#shared/schemas/events';
import { id, count, createdAt, timestamps, jobLease, ref, jsonObject, channel, int } from './columns';

/** Append-only log of everything agents must see live; seq is the monotonic cursor. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    threadId: integer('thread_id'),
    /** Socket rooms the event went to (JSON array), so catch-up applies the same visibility as live. */
    rooms: text('rooms', { mode: 'json' }).$type<string[]>().notNull(),
    /** The event as emitted, without its sequence (added from `seq` when it is read back). */
    payload: text('payload', { mode: 'json' }).$type<NewEvent>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('events_thread_idx').on(t.threadId),
    // Team alerts count the last hour's sentiment drops (a seek over that hour, not the log).
    index('events_sentiment_alerted_idx')
      .on(t.createdAt)
      .where(sql`type = 'sentiment.alerted'`),
  ],
);

/** Replies waiting to be delivered by a provider; survives restarts. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: id(),
    messageId: integer('message_id')
      .notNull()
      .unique()
      .references(() => messages.id),
    channel: channel('channel').notNull(),
    identityId: ref('identity_id', () => identities.id),
    /**
     * 'sending' is written (committed) before the provider is called; a row still 'sending' when the
     * worker starts was interrupted by a crash and becomes 'unknown' until it is reconciled.
     */
    status: text('status', { enum: ['pending', 'sending', 'unknown', 'done', 'failed'] }).notNull(),
    attempts: count('attempts'),
    /** When the current (or last) provider call started, committed before the call. */
    attemptStartedAt: integer('attempt_started_at'),
    nextAttemptAt: int('next_attempt_at'),
    lastError: text('last_error'),
    ...jobLease(),
    ...timestamps(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/** Canned responses inserted with /shortcut, with per-language variants. */
export const cannedResponses = sqliteTable(
  'canned_responses',
  {
    id: id(),
    shortcut: text('shortcut').notNull(),
    language: text('language').notNull().default('en'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    teamId: integer('team_id').references(() => teams.id),
    createdBy: integer('created_by').references(() => agents.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('canned_shortcut_lang_uq').on(t.shortcut, t.language)],
);

/** SLA policies: targets chosen by team, channel, tier and priority. */
export const slaPolicies = sqliteTable('sla_policies', {
  id: id(),
  name: text('name').notNull(),
  /** JSON match criteria { teamIds, channels, tiers, priorities }. */
  match: jsonObject('match'),
  firstResponseMs: integer('first_response_ms'),
  nextResponseMs: integer('next_response_ms'),
  resolutionMs: integer('resolution_ms'),
  businessHours: integer('business_hours', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

/** SLA threshold events already fired, so each fires exactly once, also across restarts. */
export const slaAlerts = sqliteTable(
  'sla_alerts',
  {
    id: id(),
    threadId: ref('thread_id', () => threads.id),
    episodeId: ref('episode_id', () => episodes.id),
    kind: text('kind', { enum: ['first_response', 'next_response', 'resolution'] }).notNull(),
    /** The clock's start: a new unanswered message starts a new next-response clock. */
    clockStartedAt: int('clock_started_at'),
    fraction: real('fraction').notNull(),
    dueAt: int('due_at'),
    firedAt: int('fired_at'),
  },
  (t) => [
    uniqueIndex('sla_alerts_uq').on(t.episodeId, t.kind, t.clockStartedAt, t.fraction),
    // Team alerts count the last hour's breaches (a seek over that hour).
    index('sla_alerts_breach_idx')
      .on(t.firedAt)
      .where(sql`fraction >= 1`),
  ],
);

/** Key/value settings an admin can change at run time. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** Files agents attach to replies, stored under DATA_DIR/uploads and served by an unguessable URL. */
export const uploads = sqliteTable('uploads', {
  token: text('token').primaryKey(),
  name: text('name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: int('size'),
  createdBy: integer('created_by').references(() => agents.id),
  createdAt: createdAt(),
});
