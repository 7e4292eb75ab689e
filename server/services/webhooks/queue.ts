import type { Statement } from 'better-sqlite3';
import { rootOf } from '#server/db/statements';
import type { NewEvent } from '#shared/schemas/events';
import type { WebhookEvent } from '#shared/schemas/webhooks';
import { isWhisper } from '#shared/schemas/monitor';
import { webhookQueue, webhookSubscribed } from './queueQ';

const prepared = new WeakMap<object, { subscribed: Statement; queue: Statement }>();

/**
 * Queue `event` for every endpoint subscribed to it, inside the caller's transaction (so the
 * delivery exists exactly when the event does). The webhook worker sends it after commit. The
 * synchronous twin of queueWebhookQ, kept for the hot path of transact()'s emit (same statements).
 */
export function queueWebhook(tx: object, event: WebhookEvent, data: Record<string, unknown>, now: number): void {
  const db = rootOf(tx);
  let stmt = prepared.get(db);
  if (!stmt) {
    stmt = { subscribed: db.$client.prepare(webhookSubscribed.sqlite), queue: db.$client.prepare(webhookQueue.sqlite) };
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
