import { addBusinessMs, type BusinessSchedule } from '#shared/metrics/businessHours';
import { localDayOf } from '#shared/metrics/timeZone';

// Predicted waits and their calibration (docs/metrics.md, "Predicted wait"). Pure functions; the
// services read the queue (services/acknowledge.ts) and the promises (services/waitCalibration.ts).

/** One earlier promise that was answered: the queue position then and the business time it took. */
export interface WaitSample {
  /** Customers of the team already waiting when the promise was made. */
  position: number;
  /** Promise → first response, business ms in the team's hours (calendar ms without hours). */
  waitMs: number;
}

/** What the live queue looks like when a new episode opens. */
export interface QueueFacts {
  /** Recent answered promises of the team (newest first or any order). */
  samples: WaitSample[];
  /** Recent first-response times of the team (business ms), used while samples are too few. */
  recentFirstResponses: number[];
  /** Customers of the team already waiting for an answer. */
  waitingAhead: number;
  /** Team agents online now. */
  agentsOnline: number;
}

/** The share of customers who should be answered within the promised time. */
export const PROMISE_QUANTILE = 0.8;
/** Fewer comparable samples than this and the prediction falls back to the first responses. */
export const MIN_SAMPLES = 5;
/** Used when the team has no history yet. */
export const DEFAULT_FIRST_RESPONSE_MS = 15 * 60_000;
/** A promise never stretches over more than this much business time (three 8-hour days). */
export const MAX_PREDICTION_MS = 24 * 3_600_000;

/** Median of a list (null when empty). */
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The q-quantile by nearest rank: the smallest value at least a share q of the list is ≤ to (null when empty). */
export function quantile(xs: number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Queue positions that count as comparable: 0, 1–2, 3–5, 6–10, 11–20, 21–50, 51+ customers ahead. */
export function positionBand(ahead: number): number {
  const tops = [0, 2, 5, 10, 20, 50];
  const i = tops.findIndex((top) => ahead <= top);
  return i === -1 ? tops.length : i;
}

/**
 * How much business time a new customer should be promised: the 80th percentile of the waits of
 * recent customers who stood at a comparable queue position (so ~4 in 5 are answered in time).
 * With too few of those: the 80th percentile of the team's recent first responses (or 15 min),
 * times the rounds of the queue the online agents must work through before this customer.
 * Rounded up to whole minutes, at least 1 min, at most MAX_PREDICTION_MS.
 */
export function predictBusinessWaitMs(q: QueueFacts): number {
  const band = positionBand(q.waitingAhead);
  const comparable = q.samples.filter((s) => positionBand(s.position) === band).map((s) => s.waitMs);
  let ms: number;
  if (comparable.length >= MIN_SAMPLES) ms = quantile(comparable, PROMISE_QUANTILE) as number;
  else {
    const base = quantile(q.recentFirstResponses, PROMISE_QUANTILE) ?? DEFAULT_FIRST_RESPONSE_MS;
    ms = base * Math.max(1, Math.ceil((q.waitingAhead + 1) / Math.max(1, q.agentsOnline)));
  }
  ms = Math.min(MAX_PREDICTION_MS, ms);
  return Math.max(60_000, Math.ceil(ms / 60_000) * 60_000);
}

/** A promise to a customer: answered by `by` (an instant), `ms` of calendar time after it was made. */
export interface WaitPromise {
  by: number;
  ms: number;
  /** True when `by` is not in today's opening hours (closed now, or the wait runs past today's close): say the day and time. */
  later: boolean;
}

/**
 * Turn a business-time wait into a calendar promise made at `now`: the hours left today count, the
 * rest starts at the next opening (Friday 16:50, closing 17:00, 30 min → Monday 09:20). Without hours
 * the wait is calendar time. A schedule that never opens promises nothing sooner than the cap.
 */
export function promiseFrom(now: number, businessWaitMs: number, schedule: BusinessSchedule | null): WaitPromise {
  if (!schedule) return { by: now + businessWaitMs, ms: businessWaitMs, later: false };
  let by = addBusinessMs(now, businessWaitMs, schedule);
  if (!Number.isFinite(by)) by = now + MAX_PREDICTION_MS;
  const sameDay = localDayOf(by, schedule.timeZone) === localDayOf(now, schedule.timeZone);
  const openNow = addBusinessMs(now, 1, schedule) === now + 1;
  return { by, ms: by - now, later: !(sameDay && openNow) };
}

/** What became of one promise, judged at `now` on Braid's clock. */
export type PromiseOutcome = 'kept' | 'missed' | 'pending' | 'unanswered';

/** The facts of one promise the calibration report reads. */
export interface PromiseFacts {
  madeAt: number;
  promisedMs: number;
  /** When the first response left Braid (null: none yet). */
  firstResponseAt: number | null;
  /** When the episode was resolved (null: still open). */
  resolvedAt: number | null;
}

/**
 * Kept: answered by the promised instant. Missed: answered later, or still unanswered after it.
 * Pending: unanswered and the promised instant has not come. Unanswered: resolved without any
 * response before the promised instant (nothing to answer, e.g. "thanks, solved it myself").
 */
export function promiseOutcome(p: PromiseFacts, now: number): PromiseOutcome {
  const due = p.madeAt + p.promisedMs;
  if (p.firstResponseAt !== null) return p.firstResponseAt <= due ? 'kept' : 'missed';
  if (p.resolvedAt !== null && p.resolvedAt <= due) return 'unanswered';
  return now >= due ? 'missed' : 'pending';
}

/** Calibration of a set of promises: how many were kept of those decided. */
export interface Calibration {
  promises: number;
  kept: number;
  missed: number;
  pending: number;
  unanswered: number;
  /** kept / (kept + missed); null when none is decided yet. */
  keptShare: number | null;
}

/** Count outcomes into a calibration. */
export function calibrate(outcomes: PromiseOutcome[]): Calibration {
  const n = (o: PromiseOutcome) => outcomes.filter((x) => x === o).length;
  const kept = n('kept');
  const missed = n('missed');
  return {
    promises: outcomes.length,
    kept,
    missed,
    pending: n('pending'),
    unanswered: n('unanswered'),
    keptShare: kept + missed > 0 ? kept / (kept + missed) : null,
  };
}
