import { and, eq, gte, isNotNull, isNull, or } from 'drizzle-orm';
import { CONFIDENT_AT } from '#shared/sentimentConfidence';
import { messages } from './schema';

/**
 * Inbound customer messages with a confident sentiment mark: what every sentiment figure (alerts,
 * averages, trends) reads. Uncertain marks are shown in the UI but never move a figure.
 */
export const scoredInbound = and(
  eq(messages.direction, 'inbound'),
  isNotNull(messages.sentimentScore),
  or(isNull(messages.sentimentConfidence), gte(messages.sentimentConfidence, CONFIDENT_AT)),
);
