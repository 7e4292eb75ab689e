import { and, asc, desc, eq, lte, ne } from 'drizzle-orm';
import { customers, identities, messages, outbox, threads } from '#server/db/schema';
import { toMessage } from '#server/db/mappers';
import { nextDeliveryStatus } from '#server/domain/delivery';
import type { OutboundJob, SendJob, SendResult } from './outboundJob';
import type { ServiceDeps } from './deps';
import { roomsOf } from './threadQueries';
import { isUniqueViolation, transact } from './tx';
import { ConflictError, NotFoundError } from '#server/errors';

/** Retry policy for deliveries. */
export interface OutboxOptions {
  baseBackoffMs: number;
  maxBackoffMs: number;
  maxAttempts: number;
  pollMs: number;
  concurrency: number;
}

const DEFAULTS: OutboxOptions = {
  baseBackoffMs: 2_000,
  maxBackoffMs: 5 * 60_000,
  maxAttempts: 8,
  pollMs: 1_000,
  concurrency: 4,
};

/** Exponential backoff with a cap: base · 2^(attempt-1), never above max. */
export function backoffMs(attempt: number, o: Pick<OutboxOptions, 'baseBackoffMs' | 'maxBackoffMs'>): number {
  return Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Delivers queued replies through `send` (the channel registry), outside any transaction; records each
 * outcome durably and announces the message's new delivery status. Survives restarts:
 * rows left "sending" by a crash are picked up again on start.
 */
export class OutboxWorker {
  private readonly opts: OutboxOptions;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly send: SendJob,
    opts: Partial<OutboxOptions> = {},
  ) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  /** Recover interrupted deliveries and start polling. */
  start(): void {
    this.deps.db.update(outbox).set({ status: 'pending' }).where(eq(outbox.status, 'sending')).run();
    this.stopped = false;
    this.schedule(0);
  }

  /** Stop polling and wait for in-flight deliveries to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Deliver due rows now (called after a reply is queued). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runOnce(), ms);
  }

  /** Deliver every due row once; resolves when their outcomes are stored. */
  runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      await Promise.resolve(); // make sure `running` is assigned before any work can finish
      try {
        do {
          this.again = false;
          const due = this.claim();
          await Promise.all(due.map((id) => this.deliver(id)));
          if (due.length === this.opts.concurrency) this.again = true;
        } while (this.again && !this.stopped);
      } catch (err) {
        console.error('[outbox] delivery loop failed:', err);
      } finally {
        this.running = null;
        this.schedule(this.opts.pollMs);
      }
    })();
    return this.running;
  }

  private claim(): number[] {
    const now = this.deps.now();
    return this.deps.db.transaction(
      (tx) => {
        const rows = tx
          .select({ id: outbox.id })
          .from(outbox)
          .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
          .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
          .limit(this.opts.concurrency)
          .all();
        for (const r of rows)
          tx.update(outbox).set({ status: 'sending', updatedAt: now }).where(eq(outbox.id, r.id)).run();
        return rows.map((r) => r.id);
      },
      { behavior: 'immediate' },
    );
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

  private async deliver(outboxId: number): Promise<void> {
    const job = this.loadJob(outboxId);
    if (!job) {
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
      const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
      if (thread) emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
    });
  }
}

/** Put a failed reply back in the queue (the agent pressed "retry"). */
export function retryDelivery(deps: ServiceDeps, messageId: number, canSee: (threadId: number) => boolean): void {
  transact(deps, (tx, emit) => {
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
    if (thread) emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
  });
}
