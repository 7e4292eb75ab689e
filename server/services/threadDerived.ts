import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { messages, threads } from '#server/db/schema';
import type { ThreadRow } from '#server/db/mappers';
import { previewOf } from './preview';
import type { Tx } from './tx';

/**
 * Recompute a thread's denormalised fields (last message, last inbound channel, channels,
 * waiting since, latest sentiment) from its messages — used after merges move history.
 */
export function refreshThreadDerived(tx: Tx, threadId: number, now: number): ThreadRow {
  const visible = inArray(messages.direction, ['inbound', 'outbound']);
  const last = tx
    .select()
    .from(messages)
    .where(and(eq(messages.threadId, threadId), visible))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .get();
  const lastIn = tx
    .select()
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.direction, 'inbound')))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .get();
  const lastReply = tx
    .select()
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.direction, 'outbound'), eq(messages.isAuto, false)))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .get();
  const inbound = tx
    .select({ sortTs: messages.sortTs, meta: messages.meta })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.direction, 'inbound')))
    .orderBy(asc(messages.sortTs))
    .all();
  const unanswered = inbound.find(
    (m) => (lastReply === undefined || m.sortTs > lastReply.sortTs) && !m.meta.surveyAnswer,
  );
  const channelRows = tx
    .selectDistinct({ channel: messages.channel })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), visible))
    .all();
  const current = tx.select().from(threads).where(eq(threads.id, threadId)).get() as ThreadRow;
  return tx
    .update(threads)
    .set({
      lastMessageAt: last?.sortTs ?? current.createdAt,
      lastMessageId: last?.id ?? null,
      lastMessagePreview: last ? previewOf(last) : '',
      lastInboundAt: lastIn?.sortTs ?? null,
      lastInboundChannel: lastIn?.channel ?? null,
      lastInboundIdentityId: lastIn?.identityId ?? null,
      lastSentimentScore: lastIn?.sentimentScore ?? null,
      lastSentimentLabel: lastIn?.sentimentLabel ?? null,
      lastAgentReplyAt: lastReply?.sortTs ?? null,
      waitingSince: current.status === 'resolved' ? null : (unanswered?.sortTs ?? null),
      channels: channelRows.map((c) => c.channel).filter((c): c is string => c !== null),
      updatedAt: now,
    })
    .where(eq(threads.id, threadId))
    .returning()
    .get();
}
