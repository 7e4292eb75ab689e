import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { ConflictError, NotFoundError } from '#server/errors';
import type { CreateWebhookEndpoint, WebhookDelivery, WebhookEndpoint } from '#shared/schemas/webhooks';

/** Register an endpoint; its signing secret is returned here and never again. */
export function createWebhookEndpoint(
  db: Db,
  input: CreateWebhookEndpoint,
  agentId: number,
  now: number,
): { endpoint: WebhookEndpoint; secret: string } {
  const secret = newSecret();
  const events = [...new Set(input.events)];
  const row = db
    .insert(webhookEndpoints)
    .values({ url: input.url, events, secret, createdBy: agentId, createdAt: now })
    .returning()
    .get();
  return { endpoint: getWebhookEndpoint(db, row.id), secret };
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Give an endpoint a new signing secret, returned here and never again. The old one stops at
 * once: deliveries are signed when they are sent, so everything sent from now on — retries of
 * earlier events included — carries a signature made with the new secret.
 */
export function rotateWebhookSecret(db: Db, id: number): { endpoint: WebhookEndpoint; secret: string } {
  const secret = newSecret();
  const res = db.update(webhookEndpoints).set({ secret }).where(eq(webhookEndpoints.id, id)).run();
  if (res.changes === 0) throw new NotFoundError(`webhook endpoint ${id} not found`);
  return { endpoint: getWebhookEndpoint(db, id), secret };
}

/**
 * Send a failed delivery again now (the same delivery id, so receivers still dedupe): it goes
 * back in the queue due at once and gets one more attempt, then the usual retries if that one
 * fails in a retryable way and attempts are left. Only failed deliveries can be retried (409).
 */
export function retryWebhookDelivery(db: Db, endpointId: number, deliveryId: number, now: number): WebhookDelivery {
  getWebhookEndpoint(db, endpointId);
  const row = db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now, updatedAt: now })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.status, 'failed'),
      ),
    )
    .returning()
    .get();
  if (row) return toDelivery(row);
  const found = db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId)).get();
  if (!found || found.endpointId !== endpointId) throw new NotFoundError(`delivery ${deliveryId} not found`);
  throw new ConflictError(`delivery ${deliveryId} is ${found.status}: only failed deliveries can be retried`);
}

/** Every endpoint with its delivery counts and latest error, newest first. */
export function listWebhookEndpoints(db: Db): WebhookEndpoint[] {
  const rows = db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.id)).all();
  return rows.map((r) => present(db, r));
}

/** One endpoint (404 when unknown). */
export function getWebhookEndpoint(db: Db, id: number): WebhookEndpoint {
  const row = db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
  if (!row) throw new NotFoundError(`webhook endpoint ${id} not found`);
  return present(db, row);
}

/** Remove an endpoint; its queued and past deliveries go with it (nothing more is sent). */
export function deleteWebhookEndpoint(db: Db, id: number): void {
  const res = db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).run();
  if (res.changes === 0) throw new NotFoundError(`webhook endpoint ${id} not found`);
}

/** The latest deliveries to an endpoint, newest first. */
export function listWebhookDeliveries(db: Db, endpointId: number, limit = 100): WebhookDelivery[] {
  getWebhookEndpoint(db, endpointId);
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit)
    .all()
    .map(toDelivery);
}

/** A delivery as admins see it: its state, never the payload. */
function toDelivery(d: typeof webhookDeliveries.$inferSelect): WebhookDelivery {
  const { id, event, status, attempts, lastError, lastStatusCode, createdAt, updatedAt } = d;
  return { id, event, status, attempts, lastError, lastStatusCode, createdAt, updatedAt };
}

function present(db: Db, r: typeof webhookEndpoints.$inferSelect): WebhookEndpoint {
  const counts = { pending: 0, done: 0, failed: 0 };
  const byStatus = db
    .select({ status: webhookDeliveries.status, n: sql<number>`count(*)` })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, r.id))
    .groupBy(webhookDeliveries.status)
    .all();
  for (const { status, n } of byStatus) counts[status === 'sending' ? 'pending' : status] += n;
  const lastError =
    db
      .select({ e: webhookDeliveries.lastError })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, r.id), sql`${webhookDeliveries.lastError} is not null`))
      .orderBy(desc(webhookDeliveries.updatedAt))
      .limit(1)
      .get()?.e ?? null;
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    createdAt: r.createdAt,
    counts,
    lastError,
  };
}
