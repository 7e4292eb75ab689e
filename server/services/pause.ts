import { eq } from 'drizzle-orm';
import { episodes } from '#server/db/schema';
import type { ThreadStatus } from '#shared/schemas/common';
import { elapsedMs } from '#shared/metrics/elapsed';
import { teamConfig } from './teamConfig';
import type { Tx } from './tx';

const isPaused = (s: ThreadStatus) => s === 'pending' || s === 'snoozed';

/**
 * Keep the episode's paused time (pending/snoozed) up to date on a status change, in
 * calendar and business time, so the SLA resolution clock excludes it.
 */
export function trackPause(
  tx: Tx,
  episodeId: number | null,
  teamId: number | null,
  from: ThreadStatus,
  to: ThreadStatus,
  now: number,
): void {
  if (episodeId === null || isPaused(from) === isPaused(to)) return;
  if (isPaused(to)) {
    tx.update(episodes).set({ pausedSince: now }).where(eq(episodes.id, episodeId)).run();
    return;
  }
  const ep = tx.select().from(episodes).where(eq(episodes.id, episodeId)).get();
  if (!ep || ep.pausedSince === null) return;
  const { schedule } = teamConfig(tx, teamId);
  tx.update(episodes)
    .set({
      pausedSince: null,
      pausedMs: ep.pausedMs + Math.max(0, now - ep.pausedSince),
      pausedBusinessMs: ep.pausedBusinessMs + elapsedMs(ep.pausedSince, Math.max(now, ep.pausedSince), schedule),
    })
    .where(eq(episodes.id, episodeId))
    .run();
}
