import type { QueryClient } from '@tanstack/react-query';
import type { LoggedEvent } from '#shared/schemas/events';
import { threadQueries } from '#client/api/threads';
import { applyEvent, type ApplyContext } from './eventHandlers';
import { staleKeys } from './lateEvents';

/** Run `fn` at most once per `waitMs`, at the end of the window (a burst collapses into one call). */
export function trailingThrottle(fn: () => void, waitMs: number): { schedule(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    schedule() {
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          fn();
        }, waitMs);
      }
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Events after which the view counts may have changed. */
const COUNTED: ReadonlySet<LoggedEvent['type']> = new Set(['message.created', 'thread.updated', 'thread.removed']);

/** Applies live events to the cache. */
export interface EventSink {
  apply(e: LoggedEvent): void;
  /** Read again what an event arriving out of order touches, instead of patching it in (see lateEvents.ts). */
  refresh(e: LoggedEvent): void;
  /** Ask for fresh view counts soon (collapsed with every other request in the same second). */
  refreshCounts(): void;
  dispose(): void;
}

/**
 * Every event updates lists and timelines directly in the cache. View counts are aggregates the
 * events cannot carry exactly, so they are refreshed — once per window, however big the burst.
 */
export function createEventSink(qc: QueryClient, context: () => ApplyContext, countsWaitMs = 1_000): EventSink {
  const counts = trailingThrottle(
    () => void qc.invalidateQueries({ queryKey: threadQueries.counts().queryKey }),
    countsWaitMs,
  );
  return {
    apply(e) {
      applyEvent(qc, e, context());
      if (COUNTED.has(e.type)) counts.schedule();
    },
    refresh(e) {
      for (const queryKey of staleKeys(e)) void qc.invalidateQueries({ queryKey });
      counts.schedule();
    },
    refreshCounts: () => counts.schedule(),
    dispose: () => counts.cancel(),
  };
}
