// Agents' corrections of sentiment marks: the audit trail and this workspace's labelled examples.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SENTIMENT_LABELS } from '#shared/schemas/common';
import { messages } from './messages';
import { agents } from './people';

/** One agent's correction of one message's sentiment mark; rows are never edited. */
export const sentimentCorrections = sqliteTable(
  'sentiment_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: integer('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    agentId: integer('agent_id')
      .notNull()
      .references(() => agents.id),
    /** The label the analyser (or an earlier correction) had given. */
    fromLabel: text('from_label', { enum: SENTIMENT_LABELS }),
    toLabel: text('to_label', { enum: SENTIMENT_LABELS }).notNull(),
    /** The text as corrected: the labelled example the workspace's adaptation learns from. */
    text: text('text').notNull(),
    language: text('language'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sentiment_corrections_message_idx').on(t.messageId)],
);
