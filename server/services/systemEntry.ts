import { eq } from 'drizzle-orm';
import { agents, messages } from '#server/db/schema';
import { toMessage, type ThreadRow } from '#server/db/mappers';
import { roomsOf, summarize } from './threadQueries';
import type { EmitFn, Tx } from './tx';

/** Append a system entry (assigned, status, merged …) to the timeline and announce the change. */
export function recordSystem(
  tx: Tx,
  emit: EmitFn,
  now: number,
  before: ThreadRow,
  after: ThreadRow,
  kind: string,
  text: string,
  meta: Record<string, unknown>,
): void {
  const row = tx
    .insert(messages)
    .values({
      threadId: after.id,
      episodeId: after.currentEpisodeId,
      direction: 'system',
      text,
      receivedAt: now,
      sortTs: Math.max(now, after.lastMessageAt),
      systemKind: kind,
      meta,
    })
    .returning()
    .get();
  const rooms = [...new Set([...roomsOf(before), ...roomsOf(after)])];
  const thread = summarize(tx, after, now);
  emit({ type: 'message.created', message: toMessage(row), thread }, rooms, after.id);
  emit({ type: 'thread.updated', thread, reason: kind }, rooms, after.id);
}

/** An agent's display name for timeline entries ("#7" when the agent is gone). */
export function agentName(tx: Tx, id: number): string {
  return tx.select({ name: agents.name }).from(agents).where(eq(agents.id, id)).get()?.name ?? `#${id}`;
}
