import { randomBytes } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { NotFoundError } from '#server/errors';
import type { CreateWebhookEndpoint, WebhookDelivery, WebhookEndpoint, WebhookEvent } from '#shared/schemas/webhooks';

/** Register an endpoint; its signing secret is returned here and never again. */
export function createWebhookEndpoint(
  db: Db,
  input: CreateWebhookEndpoint,
  agentId: number,
  now: number,
): { endpoint: WebhookEndpoint; secret: string } {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const events = [...new Set(input.events)];
  const row = db
    .insert(webhookEndpoints)
    .values({ url: input.url, events, secret, createdBy: agentId, createdAt: now })
    .returning()
    .get();
  return { endpoint: getWebhookEndpoint(db, row.id), secret };
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
    .map((d) => ({
      id: d.id,
      event: d.event as WebhookEvent,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      lastStatusCode: d.lastStatusCode,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    }));
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
    events: r.events as WebhookEvent[],
    createdAt: r.createdAt,
    counts,
    lastError,
  };
}
