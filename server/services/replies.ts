import { and, eq } from 'drizzle-orm';
import { identities, messages, outbox } from '#server/db/schema';
import { toMessage, type MessageRow, type ThreadRow } from '#server/db/mappers';
import type { Viewer } from '#server/domain/access';
import type { Attachment, Message } from '#shared/schemas/message';
import type { ServiceDeps } from './deps';
import { setAssignee } from './assignee';
import { openEpisode } from './ingest';
import { roomsOf, summarize, visibleThread } from './threadQueries';
import { appendToThread } from './threadDerived';
import { transact, type EmitFn, type Tx } from './tx';
import { ConflictError } from '#server/errors';
import { indexMessage } from '#server/db/searchIndex';
import { defaultReplyIdentity } from '#shared/replyTarget';
import { requireConfirmation, type ActGuard } from './collision';

function existingByClientId(tx: Tx, agentId: number, clientId: string | undefined): MessageRow | undefined {
  if (!clientId) return undefined;
  return tx
    .select()
    .from(messages)
    .where(and(eq(messages.authorAgentId, agentId), eq(messages.clientId, clientId)))
    .get();
}

/** Options for a reply: the text, optionally another identity, and an idempotency key. */
export interface ReplyInput {
  text: string;
  identityId?: number;
  clientId?: string;
  /** System-sent messages (acknowledgements, surveys) never count as a response. */
  isAuto?: boolean;
  /** Files to send along (uploaded first; see services/uploads.ts). */
  attachments?: Attachment[];
}

/**
 * Store an agent reply as an outbound message and queue it in the outbox in the same
 * transaction. It goes to the customer's last-used identity unless another is picked. With a `guard`
 * (agents' requests), a colleague's reply since `seenMessageId` or an unconfirmed colleague's thread refuses it (409).
 */
export function replyToThread(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  input: ReplyInput,
  guard?: ActGuard,
): Message {
  return transact(deps, (tx, emit) => {
    const thread = visibleThread(tx, viewer, threadId);
    const again = existingByClientId(tx, viewer.id, input.clientId);
    if (again) return toMessage(again);
    if (guard) requireConfirmation(tx, thread, viewer, guard);
    return writeOutbound(tx, emit, deps, thread, { ...input, authorAgentId: viewer.id });
  });
}

/** Insert an outbound message + outbox row and update the thread; shared by agent and automatic sends. */
export function writeOutbound(
  tx: Tx,
  emit: EmitFn,
  deps: ServiceDeps,
  thread: ThreadRow,
  input: ReplyInput & { authorAgentId: number | null; meta?: Record<string, unknown> },
): Message {
  const now = deps.now();
  const identityId = input.identityId ?? defaultIdentityId(tx, thread.customerId);
  if (identityId === null) throw new ConflictError('this customer has no channel to reply on');
  const identity = tx.select().from(identities).where(eq(identities.id, identityId)).get();
  if (!identity || identity.customerId !== thread.customerId) {
    throw new ConflictError('that identity does not belong to this customer');
  }
  let episodeId = thread.currentEpisodeId;
  let status = thread.status;
  if (thread.status === 'resolved' && !input.isAuto) {
    episodeId = openEpisode(tx, thread, now);
    status = 'open';
  }
  const counts = !input.isAuto && thread.waitingSince !== null;
  const row = tx
    .insert(messages)
    .values({
      threadId: thread.id,
      episodeId,
      direction: 'outbound',
      channel: identity.channel,
      identityId: identity.id,
      authorAgentId: input.authorAgentId,
      text: input.text,
      attachments: input.attachments ?? [],
      receivedAt: now,
      sortTs: now,
      deliveryStatus: 'queued',
      isAuto: input.isAuto ?? false,
      waitedMs: counts ? now - (thread.waitingSince as number) : null,
      clientId: input.clientId ?? null,
      meta: input.meta ?? {},
    })
    .returning()
    .get();
  indexMessage(tx, row);
  tx.insert(outbox)
    .values({
      messageId: row.id,
      channel: identity.channel,
      identityId: identity.id,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  // The episode's first response is recorded when the provider accepts the reply (services/metricFacts.ts).
  let updated = appendToThread(tx, thread, row, { status, currentEpisodeId: episodeId }, now);
  // An agent's reply takes an unassigned thread.
  if (thread.assigneeId === null && !input.isAuto && input.authorAgentId !== null)
    updated = setAssignee(tx, emit, updated, input.authorAgentId, now);
  const message = toMessage(row);
  emit(
    { type: 'message.created', message, thread: summarize(tx, updated, deps.now()) },
    roomsOf(updated).concat(roomsOf(thread)),
    thread.id,
  );
  return message;
}

/** The customer's default reply identity (shared/replyTarget.ts: the same rule the composer shows). */
function defaultIdentityId(tx: Tx, customerId: number): number | null {
  const all = tx.select().from(identities).where(eq(identities.customerId, customerId)).all();
  return defaultReplyIdentity(all)?.id ?? null;
}

/** Add an internal note: visible to agents only, never sent, never a response. */
export function addNote(
  deps: ServiceDeps,
  viewer: Viewer,
  threadId: number,
  input: { text: string; clientId?: string; meta?: Record<string, unknown> },
): Message {
  return transact(deps, (tx, emit) => {
    const thread = visibleThread(tx, viewer, threadId);
    const again = existingByClientId(tx, viewer.id, input.clientId);
    if (again) return toMessage(again);
    const now = deps.now();
    const row = tx
      .insert(messages)
      .values({
        threadId: thread.id,
        episodeId: thread.currentEpisodeId,
        direction: 'note',
        authorAgentId: viewer.id,
        text: input.text,
        receivedAt: now,
        sortTs: Math.max(now, thread.lastMessageAt),
        clientId: input.clientId ?? null,
        ...(input.meta && { meta: input.meta }),
      })
      .returning()
      .get();
    indexMessage(tx, row);
    const message = toMessage(row);
    emit({ type: 'message.created', message, thread: summarize(tx, thread, deps.now()) }, roomsOf(thread), thread.id);
    return message;
  });
}
