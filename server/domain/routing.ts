import type { Priority } from '#shared/schemas/common';
import type { RoutingReason, RoutingWait } from '#shared/schemas/routingExplain';
import type { TeamRouting } from '#shared/schemas/teamSettings';
import type { WorkKind } from '#shared/routing';
import { pickRoundRobin } from './assignment';

/** A member of the team being routed: who they are, what they speak, and how busy they are. */
export interface RoutingMember {
  id: number;
  online: boolean;
  languages: readonly string[];
  skills: readonly string[];
  /** Limit of live work, or of all work when asyncCapacity is null. */
  capacity: number;
  asyncCapacity: number | null;
  load: { live: number; async: number };
}

/** An unassigned open thread of the team, with the facts routing weighs. */
export interface QueuedThread {
  id: number;
  kind: WorkKind;
  channel: string | null;
  /** The customer's language from recent inbound messages (primary subtag), null when unknown. */
  language: string | null;
  tier: string | null;
  priority: Priority;
  /** Since when the thread waits for an agent in this team (null: nobody waits, no timers run). */
  queuedAt: number | null;
}

/** What routing does with one thread now. */
export type RoutingDecision =
  | { threadId: number; action: 'assign'; agentId: number; reason: RoutingReason }
  | { threadId: number; action: 'overflow'; teamId: number }
  | ({ threadId: number; action: 'wait' } & RoutingWait);

const MINUTE = 60_000;
const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** A VIP customer (tier "vip", any case). */
export function isVip(tier: string | null): boolean {
  return tier !== null && tier.trim().toLowerCase() === 'vip';
}

/** Serving order: VIP customers first, then by priority (urgent, high, normal, low), then the longest wait. */
export function queueOrder(a: QueuedThread, b: QueuedThread): number {
  const vip = Number(isVip(b.tier)) - Number(isVip(a.tier));
  if (vip !== 0) return vip;
  const rank = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
  if (rank !== 0) return rank;
  const at = (a.queuedAt ?? Infinity) - (b.queuedAt ?? Infinity);
  return at !== 0 && !Number.isNaN(at) ? at : a.id - b.id;
}

/** The customer's language: the most frequent among recent inbound detections (newest first), ties to the newest. */
export function threadLanguage(recentNewestFirst: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const l of recentNewestFirst) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: string | null = null;
  for (const l of recentNewestFirst) if (l && (best === null || counts.get(l)! > counts.get(best)!)) best = l;
  return best;
}

/** The limit a thread of `kind` counts against for this member, with their load of it. */
export function loadOf(
  m: RoutingMember,
  kind: WorkKind,
): { loadKind: RoutingReason['loadKind']; load: number; capacity: number } {
  if (m.asyncCapacity === null) return { loadKind: 'all', load: m.load.live + m.load.async, capacity: m.capacity };
  return kind === 'live'
    ? { loadKind: 'live', load: m.load.live, capacity: m.capacity }
    : { loadKind: 'async', load: m.load.async, capacity: m.asyncCapacity };
}

const hasRoom = (m: RoutingMember, kind: WorkKind) => {
  const l = loadOf(m, kind);
  return l.load < l.capacity;
};

const skillOf = (m: RoutingMember, t: QueuedThread): string | null =>
  m.skills.find((s) => s === t.channel || (t.tier !== null && s.toLowerCase() === t.tier.toLowerCase())) ?? null;

/** Among agents who qualify, prefer channel/tier specialists, then pick by the team's mode. */
function pick(pool: RoutingMember[], t: QueuedThread, rules: TeamRouting, last: number | null): RoutingMember | null {
  if (pool.length === 0) return null;
  const specialists = pool.filter((m) => skillOf(m, t) !== null);
  const from = specialists.length > 0 ? specialists : pool;
  if (rules.mode === 'leastLoaded') {
    const ratio = (m: RoutingMember) => {
      const l = loadOf(m, t.kind);
      return l.load / Math.max(1, l.capacity);
    };
    return [...from].sort(
      (a, b) => ratio(a) - ratio(b) || loadOf(a, t.kind).load - loadOf(b, t.kind).load || a.id - b.id,
    )[0];
  }
  const id = pickRoundRobin(
    from.map((m) => ({ id: m.id, openThreads: 0, capacity: 1 })),
    last,
  );
  return from.find((m) => m.id === id) ?? null;
}

/**
 * Route a team's queue at `now`: threads in serving order (VIP, priority, longest wait), each to an
 * online member with room for its kind of work. With skills on and a member of the team speaking the
 * customer's language, only speakers qualify until fallbackMinutes after the thread was queued; then
 * anyone. A thread nobody can take that has been queued overflowMinutes moves to the overflow team.
 * Loads grow as threads are given out, so one call never overfills an agent.
 */
export function routeQueue(
  queue: readonly QueuedThread[],
  members: readonly RoutingMember[],
  rules: TeamRouting,
  lastAssignedId: number | null,
  now: number,
): { decisions: RoutingDecision[]; lastAssignedId: number | null } {
  const team = members.map((m) => ({ ...m, load: { ...m.load } }));
  const decisions: RoutingDecision[] = [];
  let last = lastAssignedId;
  for (const t of [...queue].sort(queueOrder)) {
    const open = team.filter((m) => m.online && hasRoom(m, t.kind));
    const speaks = (m: RoutingMember) => t.language !== null && m.languages.includes(t.language);
    const useSkills = rules.skills && t.language !== null && team.some(speaks);
    const fallbackAt = useSkills && t.queuedAt !== null ? t.queuedAt + rules.fallbackMinutes * MINUTE : null;
    const fellBack = useSkills && (fallbackAt === null || now >= fallbackAt);
    const speakers = open.filter(speaks);
    const pool = !useSkills ? open : speakers.length > 0 ? speakers : fellBack ? open : [];
    const chosen = pick(pool, t, rules, last);
    const overflowAt =
      rules.overflowTeamId !== null && t.queuedAt !== null ? t.queuedAt + rules.overflowMinutes * MINUTE : null;
    if (chosen) {
      chosen.load[t.kind]++;
      last = chosen.id;
      decisions.push({
        threadId: t.id,
        action: 'assign',
        agentId: chosen.id,
        reason: {
          mode: rules.mode,
          language: useSkills ? t.language : null,
          fallback: useSkills && !speaks(chosen),
          skill: skillOf(chosen, t),
          ...loadOf(chosen, t.kind),
          vip: isVip(t.tier),
          priority: t.priority,
        },
      });
    } else if (overflowAt !== null && now >= overflowAt) {
      decisions.push({ threadId: t.id, action: 'overflow', teamId: rules.overflowTeamId! });
    } else {
      const why = !team.some((m) => m.online)
        ? 'nobodyOnline'
        : useSkills && !fellBack && open.length > 0
          ? 'awaitingLanguage'
          : 'noRoom';
      decisions.push({
        threadId: t.id,
        action: 'wait',
        why,
        language: useSkills ? t.language : null,
        fallbackAt: why === 'awaitingLanguage' || (useSkills && !fellBack) ? fallbackAt : null,
        overflowAt,
        overflowTeamId: rules.overflowTeamId,
      });
    }
  }
  return { decisions, lastAssignedId: last };
}

/** The earliest instant after `now` at which waiting decisions could change by time alone (fall-back, overflow). */
export function nextRoutingInstant(decisions: readonly RoutingDecision[], now: number): number | null {
  let next = Infinity;
  for (const d of decisions) {
    if (d.action !== 'wait') continue;
    for (const at of [d.fallbackAt, d.overflowAt]) if (at !== null && at > now && at < next) next = at;
  }
  return Number.isFinite(next) ? next : null;
}
