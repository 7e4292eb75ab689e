// What was said in a thread: its episodes (open→resolved cycles) and its messages.
// All timestamps are epoch milliseconds (integers) so the response-time maths stays exact.
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SENTIMENT_LABELS } from '#shared/schemas/common';
import type { Attachment } from '#shared/schemas/message';
import { agents, teams } from './people';
import { identities, threads } from './conversations';
import { id, count, ref, jsonList, jsonObject, channel, int, sentimentArc } from './columns';

/** One open→resolved cycle of a thread: the unit of response metrics, SLA and surveys. */
export const episodes = sqliteTable(
  'episodes',
  {
    id: id(),
    threadId: ref('thread_id', () => threads.id),
    number: int('number'),
    openedAt: int('opened_at'),
    resolvedAt: integer('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => agents.id),
    firstResponseAt: integer('first_response_at'),
    assigneeId: integer('assignee_id').references(() => agents.id),
    teamId: integer('team_id').references(() => teams.id),
    ...sentimentArc(),
    predictedWaitMs: integer('predicted_wait_ms'),
    /** Set while the thread is pending/snoozed: the resolution clock is paused. */
    pausedSince: integer('paused_since'),
    /** Time this episode already spent paused (calendar and business ms). */
    pausedMs: count('paused_ms'),
    pausedBusinessMs: count('paused_business_ms'),
    surveyKind: text('survey_kind', { enum: ['csat', 'nps'] }),
    surveySentAt: integer('survey_sent_at'),
    surveyScore: integer('survey_score'),
    surveyAnsweredAt: integer('survey_answered_at'),
  },
  (t) => [
    index('episodes_thread_idx').on(t.threadId, t.number),
    // Exports and reports page through episodes by opening time.
    index('episodes_opened_idx').on(t.openedAt, t.id),
    // The returning-customers indicator reads episodes by opening time without touching the table.
    index('episodes_opened_cover_idx').on(t.openedAt, t.id, t.threadId, t.resolvedAt, t.sentimentStart),
  ],
);

/** Every message in a thread: inbound, outbound, internal note or system event. */
export const messages = sqliteTable(
  'messages',
  {
    id: id(),
    threadId: ref('thread_id', () => threads.id),
    episodeId: integer('episode_id').references(() => episodes.id),
    direction: text('direction', { enum: ['inbound', 'outbound', 'note', 'system'] }).notNull(),
    channel: channel('channel'),
    identityId: integer('identity_id').references(() => identities.id),
    authorAgentId: integer('author_agent_id').references(() => agents.id),
    text: text('text').notNull(),
    html: text('html'),
    subject: text('subject'),
    attachments: jsonList<Attachment>('attachments'),
    providerMessageId: text('provider_message_id'),
    providerTs: integer('provider_ts'),
    receivedAt: int('received_at'),
    /** Ordering key: provider timestamp when known, else received time. */
    sortTs: int('sort_ts'),
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
    sentimentLabel: text('sentiment_label', { enum: SENTIMENT_LABELS }),
    /** The analyser's confidence in the label, 0–1; null for marks made before it was recorded. */
    sentimentConfidence: real('sentiment_confidence'),
    language: text('language'),
    systemKind: text('system_kind'),
    meta: jsonObject<Record<string, unknown>>('meta'),
  },
  (t) => [
    uniqueIndex('messages_provider_uq').on(t.channel, t.providerMessageId),
    index('messages_thread_sort_idx').on(t.threadId, t.sortTs, t.id),
    index('messages_episode_idx').on(t.episodeId),
    // Compliment candidates (reports/leadingReport.ts): the positive customer messages of an episode.
    index('messages_positive_inbound_idx')
      .on(t.episodeId, t.sortTs, t.id)
      .where(sql`${t.direction} = 'inbound' and ${t.sentimentLabel} = 'positive'`),
    uniqueIndex('messages_client_uq').on(t.authorAgentId, t.clientId),
  ],
);
