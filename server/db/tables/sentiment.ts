// Agents' corrections of sentiment marks: the audit trail and this workspace's labelled examples.
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SENTIMENT_LABELS } from '#shared/schemas/common';
import { messages } from './messages';
import { agents } from './people';
import { id, createdAt, ref } from './columns';

/** One agent's correction of one message's sentiment mark; rows are never edited. */
export const sentimentCorrections = sqliteTable(
  'sentiment_corrections',
  {
    id: id(),
    messageId: ref('message_id', () => messages.id, { onDelete: 'cascade' }),
    agentId: ref('agent_id', () => agents.id),
    /** The label the analyser (or an earlier correction) had given. */
    fromLabel: text('from_label', { enum: SENTIMENT_LABELS }),
    toLabel: text('to_label', { enum: SENTIMENT_LABELS }).notNull(),
    /** The text as corrected: the labelled example the workspace's adaptation learns from. */
    text: text('text').notNull(),
    language: text('language'),
    createdAt: createdAt(),
  },
  (t) => [index('sentiment_corrections_message_idx').on(t.messageId)],
);
