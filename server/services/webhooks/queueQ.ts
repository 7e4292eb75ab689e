import { get, run, statement, type Q } from '#server/db/engine/statement';
import type { WebhookEvent } from '#shared/schemas/webhooks';

// Queuing an outbound webhook delivery, declared for both engines: an endpoint's `events` is a JSON
// array in a text column, read with json_each on SQLite and as jsonb on PostgreSQL.

const SUBSCRIBED = {
  sqlite: `where exists (select 1 from json_each(e.events) where value = :event)`,
  pg: `where e.events::jsonb ? :event`,
};
const queueSql = (where: string) => `insert into webhook_deliveries
  (endpoint_id, event, payload, status, attempts, next_attempt_at, created_at, updated_at)
  select e.id, :event, :payload, 'pending', 0, :now, :now, :now from webhook_endpoints e ${where}`;

/** Asked first: with no endpoint subscribed (the usual case) the payload is never serialised. */
export const webhookSubscribed = statement<{ event: WebhookEvent }, { x: number }>(
  'webhook.subscribed',
  `select 1 as x from webhook_endpoints e ${SUBSCRIBED.sqlite} limit 1`,
  `select 1 as x from webhook_endpoints e ${SUBSCRIBED.pg} limit 1`,
);

/** One statement queues a delivery for every endpoint subscribed to the event. */
export const webhookQueue = statement<{ event: WebhookEvent; payload: string; now: number }>(
  'webhook.queue',
  queueSql(SUBSCRIBED.sqlite),
  queueSql(SUBSCRIBED.pg),
);

/** Queues `event` for every endpoint subscribed to it, in the running transaction. */
export function* queueWebhookQ(event: WebhookEvent, data: Record<string, unknown>, now: number): Q<void> {
  if (!(yield* get(webhookSubscribed, { event }))) return;
  yield* run(webhookQueue, { event, payload: JSON.stringify(data), now });
}
