import { and, asc, eq, gt, isNotNull, ne } from 'drizzle-orm';
import { messages } from '#server/db/schema';
import { toMessage, type ThreadRow } from '#server/db/mappers';
import type { Viewer } from '#server/domain/access';
import { ConfirmationRequiredError } from '#server/errors';
import { agentName } from './systemEntry';
import { teamConfig } from './teamConfig';
import type { Tx } from './tx';

/**
 * Collision checks: two agents must not answer the same customer twice, or act on each other's
 * threads, without knowing. An action that would do so is refused with 409 `confirmation_required`
 * and what the agent must see; the client shows it and repeats the request once confirmed.
 */

/** What the agent said they know: the newest message they had seen, and whether they confirmed. */
export interface ActGuard {
  /** Colleagues' replies after this message id need confirming (absent: not checked). */
  seenMessageId?: number;
  /** The agent confirmed acting on a thread assigned to a colleague. */
  confirm?: boolean;
}

// A handful is enough to read what was said; the timeline has the rest.
const MAX_REPLIES = 5;

/** Refuse with 409 unless the agent confirmed: the thread is a colleague's (team setting) or a colleague replied meanwhile. */
export function requireConfirmation(tx: Tx, thread: ThreadRow, viewer: Viewer, guard: ActGuard): void {
  const replies =
    guard.seenMessageId === undefined
      ? []
      : tx
          .select()
          .from(messages)
          .where(
            and(
              eq(messages.threadId, thread.id),
              eq(messages.direction, 'outbound'),
              eq(messages.isAuto, false),
              isNotNull(messages.authorAgentId),
              ne(messages.authorAgentId, viewer.id),
              gt(messages.id, guard.seenMessageId),
            ),
          )
          .orderBy(asc(messages.id))
          .limit(MAX_REPLIES)
          .all();
  const colleague =
    !guard.confirm &&
    thread.assigneeId !== null &&
    thread.assigneeId !== viewer.id &&
    teamConfig(tx, thread.teamId).settings.confirmColleagueThreads;
  if (replies.length === 0 && !colleague) return;
  const assignee = colleague
    ? { id: thread.assigneeId as number, name: agentName(tx, thread.assigneeId as number) }
    : null;
  const why =
    replies.length > 0
      ? 'a colleague replied since you opened the thread'
      : `the thread is assigned to ${assignee?.name}`;
  throw new ConfirmationRequiredError(`confirm first: ${why}`, { assignee, replies: replies.map(toMessage) });
}
