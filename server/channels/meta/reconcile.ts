import { eq } from 'drizzle-orm';
import { messages } from '#server/db/schema';
import type { ChannelContext, OutboundJob, Reconciliation } from '#server/channels/types';

/** How long an interrupted Meta send waits for a status webhook or echo carrying its tag before it is sent again. */
export const TAG_WAIT_MS = 30_000;
const ASK_EVERY_MS = 1_000;

// When each in-doubt attempt was first asked about, per running app (a restart waits afresh).
const firstAsked = new WeakMap<ChannelContext, Map<number, number>>();

/**
 * Meta offers no idempotency key and no message lookup, but every send carries its attempt's tag
 * (WhatsApp `biz_opaque_callback_data`, Messenger/Instagram `metadata`) and Meta sends it back on the
 * status webhook or message echo, which stores the provider message id on the reply (see
 * settleTaggedAttempt). So after a crash: a reply that already has its provider id went out; else
 * wait up to TAG_WAIT_MS for the status to arrive, then send again (at least once).
 */
export function reconcileByTag(job: OutboundJob, ctx: ChannelContext): Promise<Reconciliation> {
  const row = ctx.db
    .select({ providerMessageId: messages.providerMessageId })
    .from(messages)
    .where(eq(messages.id, job.message.id))
    .get();
  let asked = firstAsked.get(ctx);
  if (!asked) firstAsked.set(ctx, (asked = new Map()));
  if (row?.providerMessageId) {
    asked.delete(job.outboxId);
    return Promise.resolve({ found: true, providerMessageId: row.providerMessageId });
  }
  const now = ctx.now();
  const since = asked.get(job.outboxId) ?? now;
  asked.set(job.outboxId, since);
  if (now - since < TAG_WAIT_MS)
    return Promise.resolve({ askAgainAt: Math.min(now + ASK_EVERY_MS, since + TAG_WAIT_MS) });
  asked.delete(job.outboxId);
  return Promise.resolve({ found: false });
}
