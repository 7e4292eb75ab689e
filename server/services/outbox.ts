import { and, asc, desc, eq, inArray, lte, ne } from 'drizzle-orm';
import { customers, identities, messages, outbox } from '#server/db/schema';
import type { OutboundJob, ReconcileJob, Reconciliation, SendJob, SendResult } from './outboundJob';
import type { ServiceDeps } from './deps';
import type { Tx } from './tx';
import { LanePump, type DueRow, type PumpOptions } from './lanePump';
import { recordOutcome } from './outboxRecord';
import { errorMessage } from '#server/errors';

export { retryDelivery } from './outboxRecord';

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
 *
 * Crash safety: "sending" and the attempt's start time are committed before the provider is called.
 * A row still "sending" at start was interrupted mid-call; it becomes "unknown" and is reconciled
 * first (`reconcile` asks the provider whether it went out) and only re-sent when the provider says
 * it did not, or cannot tell (at-least-once; see docs/security.md for the window per provider).
 */
export class OutboxWorker extends LanePump {
  private readonly opts: OutboxOptions;
  /** Due rows of the current claim whose last attempt was interrupted ("unknown"). */
  private doubtful = new Set<number>();
  /** Claimed in-doubt rows waiting for deliver() to reconcile them. */
  private readonly claimedInDoubt = new Set<number>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly send: SendJob,
    opts: Partial<OutboxOptions> = {},
    private readonly reconcile: ReconcileJob = () => Promise.resolve(null),
  ) {
    const merged = { ...OUTBOX_DEFAULTS, ...opts };
    super(deps.db, deps.now, merged, 'outbox');
    this.opts = merged;
  }

  /** Rows a crash left "sending" are in doubt: reconciled before any re-send. */
  protected recover(): void {
    this.deps.db
      .update(outbox)
      .set({ status: 'unknown', nextAttemptAt: this.deps.now() })
      .where(eq(outbox.status, 'sending'))
      .run();
  }

  protected dueRows(tx: Tx, now: number, limit: number): DueRow[] {
    const rows = tx
      .select({ id: outbox.id, status: outbox.status, channel: identities.channel, meta: identities.meta })
      .from(outbox)
      .innerJoin(identities, eq(identities.id, outbox.identityId))
      .where(and(inArray(outbox.status, ['pending', 'unknown']), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .all();
    this.doubtful = new Set(rows.filter((r) => r.status === 'unknown').map((r) => r.id));
    return rows.map((r) => ({ id: r.id, lane: providerKey(r) }));
  }

  /**
   * Committed before any provider call: a crash from here on leaves the row "sending". An in-doubt
   * row keeps the start time of its interrupted attempt until it is sent again.
   */
  protected markSending(tx: Tx, id: number, now: number): void {
    const inDoubt = this.doubtful.has(id);
    if (inDoubt) this.claimedInDoubt.add(id);
    tx.update(outbox)
      .set(
        inDoubt ? { status: 'sending', updatedAt: now } : { status: 'sending', attemptStartedAt: now, updatedAt: now },
      )
      .where(eq(outbox.id, id))
      .run();
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
    const attemptStartedAt = row.attemptStartedAt ?? this.deps.now();
    return { outboxId, attempt: row.attempts + 1, message, identity, customer, history, attemptStartedAt };
  }

  protected async deliver(outboxId: number, provider: string): Promise<void> {
    const inDoubt = this.claimedInDoubt.delete(outboxId);
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
    if (inDoubt && !(await this.reconcileFirst(job, provider))) return;
    let result: SendResult;
    try {
      result = await this.send(job);
    } catch (err) {
      result = { ok: false, retryable: true, error: `adapter crashed: ${errorMessage(err)}` };
    }
    this.lanes.finished(provider, result.ok ? 'ok' : result.retryable ? 'retryable' : 'permanent');
    if (!result.ok && result.retryable && this.lanes.isOpen(provider))
      result = { ...result, error: `${result.error}; deliveries to this provider are paused after repeated failures` };
    recordOutcome(this.deps, job, result, this.opts.maxAttempts, (n) => backoffMs(n, this.opts));
  }

  /**
   * Settle an attempt whose outcome a crash lost. True: it did not go out (or nobody can tell), send
   * it now — the new attempt's start is committed first. False: it went out (recorded as sent) or
   * the provider must be asked again later (the row stays "unknown").
   */
  private async reconcileFirst(job: OutboundJob, provider: string): Promise<boolean> {
    let answer: Reconciliation | null;
    try {
      answer = await this.reconcile(job);
    } catch {
      answer = { askAgainAt: this.deps.now() + backoffMs(1, this.opts) };
    }
    const now = this.deps.now();
    if (answer && 'found' in answer && answer.found) {
      this.lanes.finished(provider, 'ok');
      const sent: SendResult = { ok: true, providerMessageId: answer.providerMessageId, meta: { reconciled: true } };
      recordOutcome(this.deps, job, sent, this.opts.maxAttempts, (n) => backoffMs(n, this.opts));
      return false;
    }
    if (answer && 'askAgainAt' in answer) {
      this.lanes.finished(provider, 'none');
      this.deps.db
        .update(outbox)
        .set({ status: 'unknown', nextAttemptAt: answer.askAgainAt, updatedAt: now })
        .where(eq(outbox.id, job.outboxId))
        .run();
      return false;
    }
    this.deps.db.update(outbox).set({ attemptStartedAt: now, updatedAt: now }).where(eq(outbox.id, job.outboxId)).run();
    job.attemptStartedAt = now;
    return true;
  }
}
