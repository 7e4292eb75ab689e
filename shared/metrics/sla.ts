/**
 * SLA policies and clocks. A clock is a target measured from a start instant, in business
 * time when the policy says so and a schedule is known (calendar time otherwise).
 *
 * Pausing: while a thread is pending/snoozed (`pausedForStatus`) only the resolution clock
 * stops. Response clocks keep running because they measure a customer's unanswered
 * message, and setting a status does not answer it (a new inbound message re-opens the
 * thread anyway). Time already spent paused is passed as `pausedMs` and pushes the
 * resolution clock's effective start (and so its due time) later.
 */
import type { BusinessSchedule } from './businessHours';
import { addElapsedMs, elapsedMs } from './elapsed';

/** Thread priority, lowest first. */
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

/** One SLA policy: which threads it applies to and its targets in ms. */
export interface SlaPolicy {
  id: number;
  name: string;
  /** Criteria that must all match; an omitted or empty list matches anything. */
  match: { teamIds?: number[]; channels?: string[]; tiers?: string[]; priorities?: Priority[] };
  firstResponseMs?: number;
  nextResponseMs?: number;
  resolutionMs?: number;
  /** Targets count business time (of the team's schedule) rather than calendar time. */
  businessHours: boolean;
}

/** The facts of a thread that policy matching looks at. */
export interface SlaContext {
  teamId: number | null;
  channel: string | null;
  tier: string | null;
  priority: Priority;
}

/** Which target a clock measures. */
export type SlaTargetKind = 'first_response' | 'next_response' | 'resolution';

/** A running SLA clock: due when `targetMs` of (business or calendar) time has elapsed from startedAt. */
export interface SlaClock {
  kind: SlaTargetKind;
  startedAt: number;
  dueAt: number;
  targetMs: number;
}

/** The current episode's state, as SLA clocks need it. */
export interface ThreadSlaInput {
  episodeOpenedAt: number;
  /** First counted reply of the episode, null until there is one. */
  firstResponseAt: number | null;
  /** Oldest unanswered inbound of the episode, null when answered. */
  waitingSince: number | null;
  resolvedAt: number | null;
  /** Pending or snoozed: the resolution clock is paused (response clocks keep running). */
  pausedForStatus?: boolean;
  /** Time this episode has already spent paused, in the policy's time base (business ms when it uses business hours). */
  pausedMs?: number;
}

/** Traffic-light state of a thread's SLA. */
export type SlaState = 'ok' | 'warning' | 'breached';

/** Fractions of a target at which SLA events fire; the last one is the breach. */
export const SLA_THRESHOLDS = [0.5, 0.75, 0.9, 1] as const;

/** Fraction of a target from which a clock shows as 'warning'. */
export const SLA_WARNING_FRACTION = 0.75;

/** Match one criterion: no list or an empty list matches anything; otherwise the value must be listed. */
function criterionScore<T>(list: T[] | undefined, value: T | null): number | null {
  if (!list || list.length === 0) return 0;
  return value !== null && list.includes(value) ? 1 : null;
}

/**
 * The policy for a thread: among policies whose every criterion matches, the one matching
 * the most criteria wins, then the lowest id; null when none matches.
 */
export function selectSlaPolicy(policies: SlaPolicy[], ctx: SlaContext): SlaPolicy | null {
  let best: { policy: SlaPolicy; score: number } | null = null;
  for (const policy of policies) {
    const scores = [
      criterionScore(policy.match.teamIds, ctx.teamId),
      criterionScore(policy.match.channels, ctx.channel),
      criterionScore(policy.match.tiers, ctx.tier),
      criterionScore(policy.match.priorities, ctx.priority),
    ];
    if (scores.some((s) => s === null)) continue;
    const score = scores.reduce<number>((sum, s) => sum + (s ?? 0), 0);
    if (!best || score > best.score || (score === best.score && policy.id < best.policy.id)) {
      best = { policy, score };
    }
  }
  return best ? best.policy : null;
}

/** The schedule a policy's clocks count in: null (calendar time) unless it uses business hours. */
function clockSchedule(schedule: BusinessSchedule | null, businessHours: boolean): BusinessSchedule | null {
  return businessHours ? schedule : null;
}

/**
 * The clocks currently running for the episode: first response while no reply has been
 * made, next response while a later inbound is unanswered, resolution until resolved (and
 * not while paused). A resolved episode has none.
 */
export function computeSlaClocks(
  policy: SlaPolicy,
  input: ThreadSlaInput,
  schedule: BusinessSchedule | null,
): SlaClock[] {
  if (input.resolvedAt !== null) return [];
  const base = clockSchedule(schedule, policy.businessHours);
  const clock = (kind: SlaTargetKind, startedAt: number, targetMs: number): SlaClock => ({
    kind,
    startedAt,
    targetMs,
    dueAt: addElapsedMs(startedAt, targetMs, base),
  });
  const clocks: SlaClock[] = [];
  if (input.waitingSince !== null) {
    if (input.firstResponseAt === null && policy.firstResponseMs !== undefined) {
      clocks.push(clock('first_response', input.waitingSince, policy.firstResponseMs));
    } else if (input.firstResponseAt !== null && policy.nextResponseMs !== undefined) {
      clocks.push(clock('next_response', input.waitingSince, policy.nextResponseMs));
    }
  }
  if (policy.resolutionMs !== undefined && !input.pausedForStatus) {
    // Shifting the start by the paused time keeps elapsed(start, now) = time actually counted.
    const start = addElapsedMs(input.episodeOpenedAt, input.pausedMs ?? 0, base);
    clocks.push(clock('resolution', start, policy.resolutionMs));
  }
  return clocks;
}

/** Fraction of its target a clock has used at `now` (≥ 1 means breached; 0-ms targets breach at once). */
export function clockFractionUsed(
  clock: SlaClock,
  now: number,
  schedule: BusinessSchedule | null,
  businessHours: boolean,
): number {
  if (now < clock.startedAt) return 0;
  if (clock.targetMs <= 0) return 1;
  return elapsedMs(clock.startedAt, now, clockSchedule(schedule, businessHours)) / clock.targetMs;
}

/**
 * Overall SLA state at `now`: 'breached' once any clock has used ≥ 100 % of its target,
 * 'warning' from 75 % (SLA_WARNING_FRACTION), else 'ok'. kind, nextDueAt and fractionUsed
 * describe the most-used clock (ties: the one due first).
 */
export function slaStatus(
  clocks: SlaClock[],
  now: number,
  schedule: BusinessSchedule | null,
  businessHours: boolean,
): { state: SlaState; nextDueAt: number | null; kind: SlaTargetKind | null; fractionUsed: number } {
  let worst: { clock: SlaClock; fraction: number } | null = null;
  for (const clock of clocks) {
    const fraction = clockFractionUsed(clock, now, schedule, businessHours);
    if (!worst || fraction > worst.fraction || (fraction === worst.fraction && clock.dueAt < worst.clock.dueAt)) {
      worst = { clock, fraction };
    }
  }
  if (!worst) return { state: 'ok', nextDueAt: null, kind: null, fractionUsed: 0 };
  const state: SlaState = worst.fraction >= 1 ? 'breached' : worst.fraction >= SLA_WARNING_FRACTION ? 'warning' : 'ok';
  return { state, nextDueAt: worst.clock.dueAt, kind: worst.clock.kind, fractionUsed: worst.fraction };
}

/**
 * The instants at which a clock crosses 50/75/90/100 % of its target, counting business
 * time when asked (an exact fit lands on a closing time, e.g. Friday 17:00, not Monday 09:00).
 */
export function slaThresholdInstants(
  clock: SlaClock,
  schedule: BusinessSchedule | null,
  businessHours: boolean,
): Array<{ fraction: number; at: number }> {
  const base = clockSchedule(schedule, businessHours);
  return SLA_THRESHOLDS.map((fraction) => ({
    fraction,
    at: addElapsedMs(clock.startedAt, Math.round(fraction * clock.targetMs), base),
  }));
}
