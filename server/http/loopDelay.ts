import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Event-loop delay figures in milliseconds since the last reset. */
export interface LoopDelayFigures {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The server's own event-loop delay (perf_hooks, sampled every 10 ms): how long a timer waited for
 * the loop. Nothing may hold the loop for more than 50 ms (issue 10); the bench reads it during a report.
 */
export class LoopDelay {
  private h: IntervalHistogram | null = null;

  /** Start sampling (on listen). */
  start(): void {
    this.h ??= monitorEventLoopDelay({ resolution: 10 });
    this.h.enable();
  }

  /** Stop sampling (on close). */
  stop(): void {
    this.h?.disable();
  }

  /** The figures since the last reset (null before start); `reset` starts a new window. */
  read(reset: boolean): LoopDelayFigures | null {
    const h = this.h;
    if (!h) return null;
    const msOf = (ns: number) => Math.round(ns / 10_000) / 100;
    const out = { samples: h.count, p50: msOf(h.percentile(50)), p99: msOf(h.percentile(99)), max: msOf(h.max) };
    if (reset) h.reset();
    return out;
  }
}
