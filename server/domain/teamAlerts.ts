import type { AlertKind } from '#shared/schemas/alerts';

/** A team's figures the alert rules compare against (all read from maintained tallies and index seeks). */
export type AlertFigures = Record<AlertKind, number>;

/** A rule as the evaluation needs it. */
export interface RuleState {
  kind: AlertKind;
  threshold: number;
  enabled: boolean;
}

/** An alert still holding (its crossing has not cleared). */
export interface OpenCrossing {
  id: number;
  kind: AlertKind;
}

/** What to write: alerts to fire (with the figure) and crossings that cleared (the rule re-arms). */
export interface AlertDecision {
  fire: Array<{ kind: AlertKind; threshold: number; value: number }>;
  clear: number[];
}

/** Minutes a wait has lasted, rounded down (0 when nobody waits). */
export function waitMinutes(oldestWaitingSince: number | null, now: number): number {
  return oldestWaitingSince === null ? 0 : Math.max(0, Math.floor((now - oldestWaitingSince) / 60_000));
}

/**
 * Fire once per crossing: a rule whose figure is above its threshold fires only when no crossing of
 * its kind is open; an open crossing clears when the figure is back at or below the threshold (or
 * the rule was switched off or removed), which re-arms the rule.
 */
export function decideAlerts(
  rules: readonly RuleState[],
  open: readonly OpenCrossing[],
  f: AlertFigures,
): AlertDecision {
  const byKind = new Map(rules.map((r) => [r.kind, r]));
  const openKinds = new Set(open.map((o) => o.kind));
  const clear = open
    .filter((o) => {
      const r = byKind.get(o.kind);
      return !r || !r.enabled || f[o.kind] <= r.threshold;
    })
    .map((o) => o.id);
  const fire = rules
    .filter((r) => r.enabled && !openKinds.has(r.kind) && f[r.kind] > r.threshold)
    .map((r) => ({ kind: r.kind, threshold: r.threshold, value: f[r.kind] }));
  return { fire, clear };
}
