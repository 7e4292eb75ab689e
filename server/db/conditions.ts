import { and, eq, isNotNull } from 'drizzle-orm';
import { messages } from './schema';

/** Inbound customer messages that carry a sentiment score: what every sentiment figure reads. */
export const scoredInbound = and(eq(messages.direction, 'inbound'), isNotNull(messages.sentimentScore));
