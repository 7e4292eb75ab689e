import { eq } from 'drizzle-orm';
import { episodes } from '#server/db/schema';
import type { ThreadRow } from '#server/db/mappers';
import { keepsResolved } from '#server/domain/closingCourtesy';
import type { NormalizedInbound } from '#server/domain/inbound';
import { teamConfig } from './teamConfig';
import type { Tx } from './tx';

/**
 * Ingest hook: is this inbound message only a "thank you" after the thread was resolved (within the
 * window of domain/closingCourtesy.ts, and the team has not turned the rule off)? Then it is stored in
 * the resolved episode and the thread is not re-opened; no SLA clock starts.
 */
export function takeClosingCourtesy(tx: Tx, thread: ThreadRow, input: NormalizedInbound, now: number): boolean {
  if (thread.status !== 'resolved' || thread.currentEpisodeId === null) return false;
  if (!teamConfig(tx, thread.teamId).settings.courtesyKeepsResolved) return false;
  const ep = tx
    .select({ resolvedAt: episodes.resolvedAt })
    .from(episodes)
    .where(eq(episodes.id, thread.currentEpisodeId))
    .get();
  const message = { text: input.text, hasAttachments: input.attachments.length > 0, at: now };
  return keepsResolved(message, ep?.resolvedAt ?? null);
}
