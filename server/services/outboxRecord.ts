import { eq } from 'drizzle-orm';
import { messages, outbox, threads } from '#server/db/schema';
import { toMessage } from '#server/db/mappers';
import { nextDeliveryStatus } from '#server/domain/delivery';
import { ConflictError, NotFoundError } from '#server/errors';
import type { Message } from '#shared/schemas/message';
import type { ServiceDeps } from './deps';
import { recordReplyOutcome } from './metricFacts';
import type { OutboundJob, SendResult } from './outboundJob';
import { roomsOf } from './threadQueries';
import { isUniqueViolation, transact } from './tx';
import { refreshAfterDeliveryChange } from './threadDerived';
import { updateMessage } from './rowUpdates';

/**
 * Record a delivery attempt's outcome durably (outbox row and message in one transaction) and
 * announce the message's new delivery status: done, retry later with backoff, or failed.
 */
export function recordOutcome(
  deps: ServiceDeps,
  job: OutboundJob,
  result: SendResult,
  maxAttempts: number,
  backoff: (attempt: number) => number,
): void {
  const now = deps.now();
  transact(deps, (tx, emit) => {
    const msg = tx.select().from(messages).where(eq(messages.id, job.message.id)).get();
    if (!msg) return;
    let fields: Partial<typeof messages.$inferInsert>;
    if (result.ok) {
      tx.update(outbox)
        .set({ status: 'done', attempts: job.attempt, lastError: null, updatedAt: now })
        .where(eq(outbox.id, job.outboxId))
        .run();
      fields = {
        deliveryStatus: nextDeliveryStatus(msg.deliveryStatus, 'sent') ?? msg.deliveryStatus,
        deliveryError: null,
        providerMessageId: msg.providerMessageId ?? result.providerMessageId,
        meta: result.meta ? { ...msg.meta, ...result.meta } : msg.meta,
      };
    } else if (result.retryable && job.attempt < maxAttempts) {
      const wait = Math.max(result.retryAfterMs ?? 0, backoff(job.attempt));
      tx.update(outbox)
        .set({
          status: 'pending',
          attempts: job.attempt,
          lastError: result.error,
          nextAttemptAt: now + wait,
          updatedAt: now,
        })
        .where(eq(outbox.id, job.outboxId))
        .run();
      fields = { deliveryError: `${result.error} — retrying (attempt ${job.attempt} of ${maxAttempts})` };
    } else {
      tx.update(outbox)
        .set({ status: 'failed', attempts: job.attempt, lastError: result.error, updatedAt: now })
        .where(eq(outbox.id, job.outboxId))
        .run();
      fields = { deliveryStatus: 'failed', deliveryError: result.error };
    }
    let updated;
    try {
      updated = updateMessage(tx, msg.id, fields);
    } catch (err) {
      // A provider reusing an id another message already holds must not wedge the queue: keep it in meta.
      if (!isUniqueViolation(err) || !fields.providerMessageId) throw err;
      const { providerMessageId, ...rest } = fields;
      updated = updateMessage(tx, msg.id, {
        ...rest,
        meta: { ...msg.meta, duplicateProviderMessageId: providerMessageId },
      });
    }
    // The metrics learn of the outcome in the same transaction: only an accepted reply is a response.
    if (result.ok || fields.deliveryStatus === 'failed') recordReplyOutcome(tx, updated, result.ok, now);
    const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
    if (thread) emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
    // A refused reply answered nobody: the customer is waiting again (since their oldest unanswered message).
    if (thread && fields.deliveryStatus === 'failed') refreshAfterDeliveryChange(tx, emit, thread.id, now);
  });
}

/** Put a failed reply back in the queue (the agent pressed "retry"). */
export function retryDelivery(deps: ServiceDeps, messageId: number, canSee: (threadId: number) => boolean): Message {
  return transact(deps, (tx, emit) => {
    const row = tx.select().from(outbox).where(eq(outbox.messageId, messageId)).get();
    const msg = tx.select().from(messages).where(eq(messages.id, messageId)).get();
    if (!row || !msg) throw new NotFoundError(`no delivery for message ${messageId}`);
    if (!canSee(msg.threadId)) throw new NotFoundError(`no delivery for message ${messageId}`);
    if (row.status !== 'failed') throw new ConflictError('only failed deliveries can be retried');
    const now = deps.now();
    tx.update(outbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now })
      .where(eq(outbox.id, row.id))
      .run();
    const updated = updateMessage(tx, messageId, { deliveryStatus: 'queued', deliveryError: null });
    const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
    const message = toMessage(updated);
    if (thread) emit({ type: 'message.updated', message }, roomsOf(thread), thread.id);
    if (thread) refreshAfterDeliveryChange(tx, emit, thread.id, now);
    return message;
  });
}
