import type { Statement } from 'better-sqlite3';
import { rootOf } from '#server/db/statements';
import type { NewEvent } from '#shared/schemas/events';
import type { WebhookEvent } from '#shared/schemas/webhooks';
import { isWhisper } from '#shared/schemas/monitor';

const prepared = new WeakMap<object, { subscribed: Statement; queue: Statement }>();

const SUBSCRIBED = `where exists (select 1 from json_each(e.events) where value = @event)`;
// One statement queues a delivery for every endpoint subscribed to the event.
const QUEUE_SQL = `insert into webhook_deliveries
  (endpoint_id, event, payload, status, attempts, next_attempt_at, created_at, updated_at)
  select e.id, @event, @payload, 'pending', 0, @now, @now, @now from webhook_endpoints e ${SUBSCRIBED}`;
// Asked first: with no endpoint subscribed (the usual case) the payload is never serialised.
const SUBSCRIBED_SQL = `select 1 from webhook_endpoints e ${SUBSCRIBED} limit 1`;

/**
 * Queue `event` for every endpoint subscribed to it, inside the caller's transaction (so the
 * delivery exists exactly when the event does). The webhook worker sends it after commit.
 */
export function queueWebhook(tx: object, event: WebhookEvent, data: Record<string, unknown>, now: number): void {
  const db = rootOf(tx);
  let stmt = prepared.get(db);
  if (!stmt) {
    stmt = { subscribed: db.$client.prepare(SUBSCRIBED_SQL), queue: db.$client.prepare(QUEUE_SQL) };
    prepared.set(db, stmt);
  }
  if (stmt.subscribed.get({ event }) === undefined) return;
  stmt.queue.run({ event, payload: JSON.stringify(data), now });
}

/** The webhook event (and its data) a logged event stands for, or null when integrations do not get it. */
export function webhookOf(e: NewEvent): { event: WebhookEvent; data: Record<string, unknown> } | null {
  if (e.type === 'message.created') {
    // Whispers are between a supervisor and an agent: integrations never receive them.
    if (e.message.direction === 'system' || isWhisper(e.message)) return null;
    return { event: 'message.created', data: { message: e.message, thread: e.thread } };
  }
  if (e.type === 'thread.updated') {
    if (e.reason === 'assigned') return { event: 'conversation.assigned', data: { thread: e.thread } };
    if (e.reason === 'status' && e.thread.status === 'resolved')
      return { event: 'conversation.resolved', data: { thread: e.thread } };
  }
  return null;
}
