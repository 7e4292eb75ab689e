import { and, eq } from 'drizzle-orm';
import { messages, threads } from '#server/db/schema';
import { toMessage } from '#server/db/mappers';
import { nextDeliveryStatus } from '#server/domain/delivery';
import type { NormalizedStatus } from '#server/domain/inbound';
import type { ServiceDeps } from './deps';
import { refreshAfterDeliveryChange } from './threadDerived';
import { roomsOf } from './threadQueries';
import { transact } from './tx';

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
    const updated = tx
      .update(messages)
      .set({
        deliveryStatus: next,
        deliveryError: next === 'failed' ? (s.error ?? 'the provider reported a failure') : null,
      })
      .where(eq(messages.id, msg.id))
      .returning()
      .get();
    const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
    if (thread) emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
    if (thread && next === 'failed') refreshAfterDeliveryChange(tx, emit, thread.id, deps.now());
    return true;
  });
}
