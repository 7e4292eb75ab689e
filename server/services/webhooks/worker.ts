import { and, asc, eq, lte } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '#server/db/schema';
import type { OutboundFetch } from '#server/services/outboundFetch';
import { signWebhook } from '#server/domain/webhookSignature';
import { WEBHOOK_SIGNATURE_HEADER } from '#shared/schemas/webhooks';
import type { ServiceDeps } from '#server/services/deps';
import { backoffMs, type OutboxOptions } from '#server/services/outbox';
import { LanePump, type DueRow } from '#server/services/lanePump';
import type { Tx } from '#server/services/tx';
import { errorMessage } from '#server/errors';

/** Deadline of one delivery (connect, send, read the answer). */
const TIMEOUT_MS = 10_000;

interface Outcome {
  ok: boolean;
  retryable: boolean;
  error: string | null;
  statusCode: number | null;
}

/**
 * Sends queued webhook deliveries through the guarded fetch: the same retry policy as the reply
 * outbox (exponential backoff, capped, a maximum number of attempts) and the same per-provider
 * lanes with a circuit breaker, one lane per endpoint, so a slow receiver delays only itself.
 * Rows left "sending" by a crash are sent again on start (receivers dedupe on Braid-Delivery).
 */
export class WebhookWorker extends LanePump {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly fetch: OutboundFetch,
    private readonly opts: OutboxOptions,
  ) {
    super(deps.db, deps.now, opts, 'webhooks');
  }

  protected recover(): void {
    this.deps.db
      .update(webhookDeliveries)
      .set({ status: 'pending' })
      .where(eq(webhookDeliveries.status, 'sending'))
      .run();
  }

  protected dueRows(tx: Tx, now: number, limit: number): DueRow[] {
    return tx
      .select({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(limit)
      .all()
      .map((r) => ({ id: r.id, lane: `webhook:${r.endpointId}` }));
  }

  protected markSending(tx: Tx, id: number, now: number): void {
    tx.update(webhookDeliveries).set({ status: 'sending', updatedAt: now }).where(eq(webhookDeliveries.id, id)).run();
  }

  protected async deliver(id: number, lane: string): Promise<void> {
    const row = this.deps.db
      .select({ d: webhookDeliveries, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, id))
      .get();
    if (!row) {
      this.lanes.finished(lane, 'permanent');
      return;
    }
    const body = JSON.stringify({
      id: row.d.id,
      event: row.d.event,
      createdAt: new Date(row.d.createdAt).toISOString(),
      data: row.d.payload,
    });
    const outcome = await this.send(row.url, row.secret, row.d.id, row.d.event, body);
    this.lanes.finished(lane, outcome.ok ? 'ok' : outcome.retryable ? 'retryable' : 'permanent');
    this.record(id, row.d.attempts + 1, outcome);
  }

  private async send(url: string, secret: string, id: number, event: string, body: string): Promise<Outcome> {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Braid-Webhooks/1',
      'braid-event': event,
      'braid-delivery': String(id),
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, body, Math.floor(this.deps.now() / 1000)),
    };
    try {
      const res = await this.fetch(url, { method: 'POST', headers, body, timeoutMs: TIMEOUT_MS });
      if (res.ok) return { ok: true, retryable: false, error: null, statusCode: res.status };
      // A receiver that is down or overloaded gets the event again later; one that refuses it (4xx) does not.
      const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
      return { ok: false, retryable, error: `the receiver answered HTTP ${res.status}`, statusCode: res.status };
    } catch (err) {
      return { ok: false, retryable: true, error: errorMessage(err), statusCode: null };
    }
  }

  private record(id: number, attempt: number, o: Outcome): void {
    const now = this.deps.now();
    const base = { attempts: attempt, lastStatusCode: o.statusCode, updatedAt: now };
    let fields: Partial<typeof webhookDeliveries.$inferInsert>;
    if (o.ok) fields = { ...base, status: 'done', lastError: null };
    else if (o.retryable && attempt < this.opts.maxAttempts)
      fields = { ...base, status: 'pending', lastError: o.error, nextAttemptAt: now + backoffMs(attempt, this.opts) };
    else fields = { ...base, status: 'failed', lastError: o.error };
    this.deps.db.update(webhookDeliveries).set(fields).where(eq(webhookDeliveries.id, id)).run();
  }
}
