import { and, asc, desc, eq, lte, ne } from 'drizzle-orm';
import { customers, identities, messages, outbox, threads } from '#server/db/schema';
import { toMessage } from '#server/db/mappers';
import type { Message } from '#shared/schemas/message';
import { nextDeliveryStatus } from '#server/domain/delivery';
import type { OutboundJob, SendJob, SendResult } from './outboundJob';
import type { ServiceDeps } from './deps';
import { recordReplyOutcome } from './metricFacts';
import { refreshAfterDeliveryChange } from './threadDerived';
import { roomsOf } from './threadQueries';
import { isUniqueViolation, transact, type Tx } from './tx';
import { ConflictError, NotFoundError } from '#server/errors';
import { LanePump, type DueRow, type PumpOptions } from './lanePump';

/** Retry policy and lanes for deliveries. */
export interface OutboxOptions extends PumpOptions {
  baseBackoffMs: number;
  maxBackoffMs: number;
  maxAttempts: number;
}

/** Default retry policy and lanes (also used by the webhook worker). */
export const OUTBOX_DEFAULTS: OutboxOptions = {
  baseBackoffMs: 2_000,
  maxBackoffMs: 5 * 60_000,
  maxAttempts: 8,
  pollMs: 1_000,
  concurrency: 16,
  perProvider: 4,
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
};

/** Exponential backoff with a cap: base · 2^(attempt-1), never above max. */
export function backoffMs(attempt: number, o: Pick<OutboxOptions, 'baseBackoffMs' | 'maxBackoffMs'>): number {
  return Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
}

/** The lane a delivery uses: its channel, and for the API channel the integration (API key) it goes to. */
export function providerKey(identity: { channel: string; meta: Record<string, unknown> }): string {
  return identity.channel === 'api' ? `api:${String(identity.meta.apiKeyId ?? '?')}` : identity.channel;
}

/**
 * Delivers queued replies through `send` (the channel registry), outside any transaction; records each
 * outcome durably and announces the message's new delivery status. Each delivery runs on its own:
 * a finished one frees its slot and the next due row starts at once, within per-provider lanes with
 * a circuit breaker (outboxLanes.ts), so one hanging provider never delays another.
 * Survives restarts: rows left "sending" by a crash are picked up again on start.
 */
export class OutboxWorker extends LanePump {
  private readonly opts: OutboxOptions;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly send: SendJob,
    opts: Partial<OutboxOptions> = {},
  ) {
    const merged = { ...OUTBOX_DEFAULTS, ...opts };
    super(deps.db, deps.now, merged, 'outbox');
    this.opts = merged;
  }

  protected recover(): void {
    this.deps.db.update(outbox).set({ status: 'pending' }).where(eq(outbox.status, 'sending')).run();
  }

  protected dueRows(tx: Tx, now: number, limit: number): DueRow[] {
    return tx
      .select({ id: outbox.id, channel: identities.channel, meta: identities.meta })
      .from(outbox)
      .innerJoin(identities, eq(identities.id, outbox.identityId))
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .all()
      .map((r) => ({ id: r.id, lane: providerKey(r) }));
  }

  protected markSending(tx: Tx, id: number, now: number): void {
    tx.update(outbox).set({ status: 'sending', updatedAt: now }).where(eq(outbox.id, id)).run();
  }

  private loadJob(outboxId: number): OutboundJob | null {
    const db = this.deps.db;
    const row = db.select().from(outbox).where(eq(outbox.id, outboxId)).get();
    if (!row) return null;
    const message = db.select().from(messages).where(eq(messages.id, row.messageId)).get();
    const identity = db.select().from(identities).where(eq(identities.id, row.identityId)).get();
    if (!message || !identity) return null;
    const customer = db.select().from(customers).where(eq(customers.id, identity.customerId)).get();
    if (!customer) return null;
    const history = db
      .select()
      .from(messages)
      .where(
        and(eq(messages.threadId, message.threadId), eq(messages.identityId, identity.id), ne(messages.id, message.id)),
      )
      .orderBy(desc(messages.sortTs))
      .limit(20)
      .all();
    return { outboxId, attempt: row.attempts + 1, message, identity, customer, history };
  }

  protected async deliver(outboxId: number, provider: string): Promise<void> {
    const job = this.loadJob(outboxId);
    if (!job) {
      this.lanes.finished(provider, 'permanent');
      this.deps.db
        .update(outbox)
        .set({ status: 'failed', lastError: 'message or identity vanished' })
        .where(eq(outbox.id, outboxId))
        .run();
      return;
    }
    let result: SendResult;
    try {
      result = await this.send(job);
    } catch (err) {
      result = { ok: false, retryable: true, error: `adapter crashed: ${(err as Error).message}` };
    }
    this.lanes.finished(provider, result.ok ? 'ok' : result.retryable ? 'retryable' : 'permanent');
    if (!result.ok && result.retryable && this.lanes.isOpen(provider))
      result = { ...result, error: `${result.error}; deliveries to this provider are paused after repeated failures` };
    this.record(job, result);
  }

  private record(job: OutboundJob, result: SendResult): void {
    const now = this.deps.now();
    transact(this.deps, (tx, emit) => {
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
      } else if (result.retryable && job.attempt < this.opts.maxAttempts) {
        const wait = Math.max(result.retryAfterMs ?? 0, backoffMs(job.attempt, this.opts));
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
        fields = { deliveryError: `${result.error} — retrying (attempt ${job.attempt} of ${this.opts.maxAttempts})` };
      } else {
        tx.update(outbox)
          .set({ status: 'failed', attempts: job.attempt, lastError: result.error, updatedAt: now })
          .where(eq(outbox.id, job.outboxId))
          .run();
        fields = { deliveryStatus: 'failed', deliveryError: result.error };
      }
      let updated;
      try {
        updated = tx.update(messages).set(fields).where(eq(messages.id, msg.id)).returning().get();
      } catch (err) {
        // A provider reusing an id another message already holds must not wedge the queue: keep it in meta.
        if (!isUniqueViolation(err) || !fields.providerMessageId) throw err;
        const { providerMessageId, ...rest } = fields;
        updated = tx
          .update(messages)
          .set({ ...rest, meta: { ...msg.meta, duplicateProviderMessageId: providerMessageId } })
          .where(eq(messages.id, msg.id))
          .returning()
          .get();
      }
      // The metrics learn of the outcome in the same transaction: only an accepted reply is a response.
      if (result.ok || fields.deliveryStatus === 'failed') recordReplyOutcome(tx, updated, result.ok, now);
      const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
      if (thread) emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
      // A refused reply answered nobody: the customer is waiting again (since their oldest unanswered message).
      if (thread && fields.deliveryStatus === 'failed') refreshAfterDeliveryChange(tx, emit, thread.id, now);
    });
  }
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
    const updated = tx
      .update(messages)
      .set({ deliveryStatus: 'queued', deliveryError: null })
      .where(eq(messages.id, messageId))
      .returning()
      .get();
    const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
    const message = toMessage(updated);
    if (thread) emit({ type: 'message.updated', message }, roomsOf(thread), thread.id);
    if (thread) refreshAfterDeliveryChange(tx, emit, thread.id, now);
    return message;
  });
}
