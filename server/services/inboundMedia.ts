import { eq } from 'drizzle-orm';
import { messages } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { NotFoundError } from '#server/errors';
import { getThreadRow, requireAccess } from './threadQueries';

/** Where a customer's attachment lives, as their provider reported it. */
export interface InboundAttachmentRef {
  url: URL;
  name: string | null;
}

/**
 * The provider URL of an inbound message's attachment, for an agent who may see the thread. The
 * URL came from a customer's payload: the caller must fetch it through the SSRF guard.
 */
export function inboundAttachment(db: Db, viewer: Viewer, messageId: number, index: number): InboundAttachmentRef {
  const msg = db.select().from(messages).where(eq(messages.id, messageId)).get();
  if (!msg || msg.direction !== 'inbound') throw new NotFoundError('no such customer message');
  requireAccess(viewer, getThreadRow(db, msg.threadId));
  const att = msg.attachments[index];
  if (!att?.url) throw new NotFoundError('this attachment has no downloadable file');
  return { url: new URL(att.url), name: att.name ?? null };
}
