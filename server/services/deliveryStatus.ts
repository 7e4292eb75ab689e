import { and, eq } from 'drizzle-orm';
import { messages, outbox, threads } from '#server/db/schema';
import { toMessage } from '#server/db/mappers';
import { nextDeliveryStatus, outboxIdOfTag } from '#server/domain/delivery';
import type { NormalizedStatus } from '#server/domain/inbound';
import type { ServiceDeps } from './deps';
import { refreshAfterDeliveryChange } from './threadDerived';
import { roomsOf } from './threadQueries';
import { transact } from './tx';
import { updateMessage } from './rowUpdates';

/**
 * Apply a provider's delivery-status callback to our outbound message, respecting
 * precedence (a late "sent" never overwrites "read"). Returns false for unknown messages
 * (not ours, or already superseded), which callers still acknowledge with 2xx.
 */
export function applyDeliveryStatus(deps: ServiceDeps, s: NormalizedStatus): boolean {
  return transact(deps, (tx, emit) => {
    const msg = tx
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.channel, s.channel),
          eq(messages.providerMessageId, s.providerMessageId),
          eq(messages.direction, 'outbound'),
        ),
      )
      .get();
    if (!msg) return false;
    const next = nextDeliveryStatus(msg.deliveryStatus, s.status);
    if (next === null) return false;
    const updated = updateMessage(tx, msg.id, {
      deliveryStatus: next,
      deliveryError: next === 'failed' ? (s.error ?? 'the provider reported a failure') : null,
    });
    const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
    if (thread) emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
    if (thread && next === 'failed') refreshAfterDeliveryChange(tx, emit, thread.id, deps.now());
    return true;
  });
}

/**
 * A status or echo carrying our send's tag names the delivery attempt it belongs to. While that
 * attempt's outcome is unknown (a crash lost the provider's answer) or still in flight, the reply
 * learns its provider message id from it: the outbox then settles the attempt as sent instead of
 * sending again (channels/meta/reconcile.ts), and later statuses find the reply.
 */
export function settleTaggedAttempt(deps: ServiceDeps, s: NormalizedStatus): void {
  const outboxId = outboxIdOfTag(s.tag);
  if (outboxId === null || s.status === 'failed') return;
  transact(deps, (tx) => {
    const row = tx.select().from(outbox).where(eq(outbox.id, outboxId)).get();
    if (!row || (row.status !== 'unknown' && row.status !== 'sending')) return;
    const msg = tx.select().from(messages).where(eq(messages.id, row.messageId)).get();
    if (!msg || msg.channel !== s.channel || msg.providerMessageId !== null) return;
    const taken = tx
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.channel, s.channel), eq(messages.providerMessageId, s.providerMessageId)))
      .get();
    if (taken) return;
    tx.update(messages).set({ providerMessageId: s.providerMessageId }).where(eq(messages.id, msg.id)).run();
  });
}
