import { desc, eq, getTableColumns } from 'drizzle-orm';
import { agents, messages, sentimentCorrections, threads } from '#server/db/schema';
import { activityOf, toActivityMessage, toMessage } from '#server/db/mappers';
import { canSeeThread, type Viewer } from '#server/domain/access';
import { withRevisedMessage } from '#server/domain/threadActivity';
import { ForbiddenError, NotFoundError } from '#server/errors';
import { hasRole, type SentimentLabel } from '#shared/schemas/common';
import type { Message } from '#shared/schemas/message';
import type { SentimentCorrection } from '#shared/schemas/sentiment';
import type { ServiceDeps } from './deps';
import { recordAudit } from './audit';
import { overlayFor } from './sentimentOverlay';
import { roomsOf, summarize } from './threadQueries';
import { transact } from './tx';
import { updateMessage, updateThread } from './rowUpdates';

// The score a corrected mark carries: the analyser's own when only the confidence changes.
const CORRECTED_SCORE: Record<SentimentLabel, number> = { negative: -0.8, neutral: 0, positive: 0.8 };

/**
 * An agent corrects the sentiment mark of an inbound message they can see. The correction is stored
 * (who, when, from, to, the text: the audit trail and a labelled example of this workspace), the mark
 * becomes the agent's label with full confidence, clients get `message.updated`, and the workspace's
 * analyser learns it at once, so the next similar message reads the way the agent said.
 */
export function correctSentiment(deps: ServiceDeps, viewer: Viewer, messageId: number, label: SentimentLabel): Message {
  const result = transact(deps, (tx, emit) => {
    const msg = tx.select().from(messages).where(eq(messages.id, messageId)).get();
    const thread = msg && tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
    if (!msg || !thread || msg.direction !== 'inbound' || !canSeeThread(viewer, thread))
      throw new NotFoundError(`no inbound message ${messageId}`);
    tx.insert(sentimentCorrections)
      .values({
        messageId,
        agentId: viewer.id,
        fromLabel: msg.sentimentLabel,
        toLabel: label,
        text: msg.text,
        language: msg.language,
        createdAt: deps.now(),
      })
      .run();
    recordAudit(
      tx,
      {
        actorId: viewer.id,
        action: 'sentiment.corrected',
        customerId: thread.customerId,
        threadId: thread.id,
        detail: { messageId, from: msg.sentimentLabel, to: label },
      },
      deps.now(),
    );
    const score =
      msg.sentimentLabel === label && msg.sentimentScore !== null ? msg.sentimentScore : CORRECTED_SCORE[label];
    const updated = updateMessage(tx, messageId, {
      sentimentLabel: label,
      sentimentScore: score,
      sentimentConfidence: 1,
    });
    emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
    const revised = withRevisedMessage(activityOf(thread), toActivityMessage(updated));
    if (revised) {
      const row = updateThread(tx, thread.id, revised);
      emit(
        { type: 'thread.updated', thread: summarize(tx, row, deps.now()), reason: 'sentiment' },
        roomsOf(row),
        row.id,
      );
    }
    return { message: toMessage(updated), text: msg.text };
  });
  overlayFor(deps.db).learn(result.text, label);
  return result.message;
}

/** The workspace's corrections, newest first, for supervisors and admins. */
export function listSentimentCorrections(deps: ServiceDeps, viewer: Viewer, limit = 200): SentimentCorrection[] {
  if (!hasRole(viewer.role, 'supervisor')) throw new ForbiddenError('supervisors review sentiment corrections');
  return deps.db
    .select({ ...getTableColumns(sentimentCorrections), threadId: messages.threadId, agentName: agents.name })
    .from(sentimentCorrections)
    .innerJoin(messages, eq(messages.id, sentimentCorrections.messageId))
    .innerJoin(agents, eq(agents.id, sentimentCorrections.agentId))
    .orderBy(desc(sentimentCorrections.id))
    .limit(limit)
    .all();
}
