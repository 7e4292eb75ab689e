import { withAttachmentLinks } from '#server/domain/attachmentText';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { agents, identities, messages, threads } from '#server/db/schema';
import { toMessage, type IdentityRow, type MessageRow } from '#server/db/mappers';
import { nextDeliveryStatus } from '#server/domain/delivery';
import type { NormalizedInbound } from '#server/domain/inbound';
import type { WidgetMessage, WidgetSession } from '#shared/widget';
import type { Db } from '#server/db/connection';
import type { ServiceDeps } from './deps';
import { ingestInbound, type IngestHooks } from './ingest';
import { roomsOf } from './threadQueries';
import { transact } from './tx';
import { updateMessage } from './rowUpdates';

/**
 * Web-chat visitors: what their widget may see (only messages on their own web-chat identity —
 * never notes, never other channels of a linked customer), storing what they write, and read marks.
 */

const HISTORY_LIMIT = 100;

/** The web-chat identity of a visitor, once they have written. */
export function visitorIdentity(db: Db, visitorId: string): IdentityRow | undefined {
  return db
    .select()
    .from(identities)
    .where(and(eq(identities.channel, 'webchat'), eq(identities.address, visitorId)))
    .get();
}

/** Present a stored message to the visitor (agent replies show the agent's first name). */
export function toWidgetMessage(db: Db, m: MessageRow): WidgetMessage {
  let author: string | null = null;
  if (m.direction === 'outbound' && m.authorAgentId !== null) {
    const name = db.select({ name: agents.name }).from(agents).where(eq(agents.id, m.authorAgentId)).get()?.name;
    author = name ? name.split(/\s+/)[0] : null;
  }
  const text = m.direction === 'outbound' ? withAttachmentLinks(m.text, m.attachments) : m.text;
  return { id: m.id, from: m.direction === 'inbound' ? 'visitor' : 'agent', text, at: m.sortTs, author };
}

/** Everything a (re)connecting widget needs: profile and the latest messages, oldest first. */
export function widgetSession(db: Db, visitorId: string, token: string): WidgetSession {
  const identity = visitorIdentity(db, visitorId);
  if (!identity) return { token, visitorId, profile: { name: null, email: null }, messages: [] };
  const rows = db
    .select()
    .from(messages)
    .where(and(eq(messages.identityId, identity.id), inArray(messages.direction, ['inbound', 'outbound'])))
    .orderBy(desc(messages.sortTs), desc(messages.id))
    .limit(HISTORY_LIMIT)
    .all()
    .reverse();
  return {
    token,
    visitorId,
    profile: { name: identity.displayName, email: identity.email },
    messages: rows.map((m) => toWidgetMessage(db, m)),
  };
}

/**
 * Store a visitor's message (parsed by the web-chat channel) through the same ingest as every
 * channel and answer it in the widget's shape. Resending the same clientId is a duplicate and
 * returns the stored message.
 */
export function postVisitorMessage(deps: ServiceDeps, hooks: IngestHooks, input: NormalizedInbound): WidgetMessage {
  const result = ingestInbound(deps, input, hooks);
  const row = deps.db.select().from(messages).where(eq(messages.id, result.messageId)).get();
  if (!row) throw new Error(`message ${result.messageId} vanished`);
  return toWidgetMessage(deps.db, row);
}

/**
 * The visitor's widget showed these replies: mark them delivered, or read when the chat panel was
 * open. Only outbound messages on the visitor's own identity are touched; precedence is respected.
 */
export function markWidgetSeen(deps: ServiceDeps, visitorId: string, ids: number[], open: boolean): number {
  const identity = visitorIdentity(deps.db, visitorId);
  if (!identity) return 0;
  return transact(deps, (tx, emit) => {
    const rows = tx
      .select()
      .from(messages)
      .where(and(inArray(messages.id, ids), eq(messages.identityId, identity.id), eq(messages.direction, 'outbound')))
      .orderBy(asc(messages.id))
      .all();
    let changed = 0;
    for (const m of rows) {
      const next = nextDeliveryStatus(m.deliveryStatus, open ? 'read' : 'delivered');
      if (next === null) continue;
      const updated = updateMessage(tx, m.id, { deliveryStatus: next, deliveryError: null });
      const thread = tx.select().from(threads).where(eq(threads.id, m.threadId)).get();
      if (thread) emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
      changed++;
    }
    return changed;
  });
}
