// The decile gap: how far the best 10 % of agents are from the worst 10 % on one metric.
import { mean } from './stats';

/** Whether a smaller or a larger value of a metric is better. */
export type Better = 'lower' | 'higher';

/** One agent's value of a metric and how many conversations it handled in the period. */
export interface DecileInput {
  agentId: number;
  /** Null when the agent has no value for this metric (e.g. no survey answers). */
  value: number | null;
  conversations: number;
}

/** The agents of one end of the field and the group's value (the mean of their values). */
export interface DecileGroup {
  agents: Array<{ agentId: number; value: number }>;
  value: number;
}

/** The top and bottom groups of one metric, the gap between them and who did not qualify. */
export interface DecileResult {
  better: Better;
  minConversations: number;
  /** Agents ranked (handled at least the minimum and have a value). */
  qualified: number;
  /** Agents below the minimum number of conversations (not ranked). */
  belowMinimum: number[];
  /** Agents with enough conversations but no value for this metric (not ranked). */
  noValue: number[];
  top: DecileGroup | null;
  bottom: DecileGroup | null;
  /** How much worse the bottom group is than the top, in the metric's unit (≥ 0); null below 2 ranked agents. */
  gap: number | null;
}

/** Size of each end group: 10 % of the ranked agents, rounded down, and at least one. */
export function groupSize(ranked: number): number {
  return Math.max(1, Math.floor(ranked / 10));
}

/**
 * Rank agents on one metric and take the top and bottom 10 %. Rules (docs/reports.md):
 * - only agents with at least `minConversations` conversations and a value are ranked;
 * - each group holds 10 % of the ranked agents rounded down, at least one (small teams);
 * - agents tied with a group's last member join the group, so equal agents are never split;
 * - with fewer than two ranked agents there are no groups and no gap;
 * - a group's value is the mean of its members' values; the gap is bottom − top for metrics where
 *   lower is better and top − bottom otherwise, so a wider gap is always a larger number.
 */
export function decileGap(inputs: readonly DecileInput[], better: Better, minConversations: number): DecileResult {
  const belowMinimum = inputs.filter((i) => i.conversations < minConversations).map((i) => i.agentId);
  const eligible = inputs.filter((i) => i.conversations >= minConversations);
  const noValue = eligible.filter((i) => i.value === null).map((i) => i.agentId);
  const ranked = eligible
    .filter((i): i is DecileInput & { value: number } => i.value !== null)
    .map((i) => ({ agentId: i.agentId, value: i.value }))
    .sort((a, b) => (better === 'lower' ? a.value - b.value : b.value - a.value) || a.agentId - b.agentId);
  const base = { better, minConversations, qualified: ranked.length, belowMinimum, noValue };
  if (ranked.length < 2) return { ...base, top: null, bottom: null, gap: null };
  const k = groupSize(ranked.length);
  const topEdge = ranked[k - 1].value;
  const bottomEdge = ranked[ranked.length - k].value;
  const top = ranked.filter((a) => (better === 'lower' ? a.value <= topEdge : a.value >= topEdge));
  const bottom = ranked.filter((a) => (better === 'lower' ? a.value >= bottomEdge : a.value <= bottomEdge)).reverse();
  const group = (agents: typeof ranked): DecileGroup => ({ agents, value: mean(agents.map((a) => a.value)) as number });
  const t = group(top);
  const b = group(bottom);
  const gap = Math.round((better === 'lower' ? b.value - t.value : t.value - b.value) * 1000) / 1000;
  return { ...base, top: t, bottom: b, gap };
}
