import type { Presence } from '#shared/schemas/common';
import type { PresenceLists } from '#shared/schemas/events';

/** One agent's presence. */
export interface PresenceEntry {
  agentId: number;
  presence: Presence;
}

/** Group entries into the compact per-status id lists sent over sockets. */
export function toPresenceLists(entries: Iterable<PresenceEntry>): PresenceLists {
  const lists: PresenceLists = { online: [], away: [], offline: [] };
  for (const e of entries) lists[e.presence].push(e.agentId);
  return lists;
}

/** The status an agent chose and when (0: the default of a first connection, not a choice). */
export interface Choice {
  status: 'online' | 'away';
  at: number;
}

/**
 * Live presence from connected sockets: an agent with no socket is offline; otherwise the
 * status they chose (online or away). Kept in memory — it is a fact about live connections.
 * With several nodes (clusterShare.ts) it also holds which agents have sockets on the other
 * nodes and their latest choice, so every read stays synchronous and answers for the cluster.
 */
export class PresenceRegistry {
  private readonly sockets = new Map<number, Set<string>>();
  private readonly chosen = new Map<number, Choice>();
  /** Agents with sockets on other nodes, per node id. */
  private readonly remote = new Map<string, Set<number>>();
  /** When each agent's presence last changed (for the floor board's "since"). */
  private readonly since = new Map<number, number>();
  /** The last snapshot, reused by every socket that connects until presence changes. */
  private cached: PresenceLists | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Record a new socket; returns the agent's presence if it changed. */
  connect(agentId: number, socketId: string, preferred: 'online' | 'away' = 'online'): Presence | null {
    const before = this.of(agentId);
    const set = this.sockets.get(agentId) ?? new Set<string>();
    set.add(socketId);
    this.sockets.set(agentId, set);
    if (!this.chosen.has(agentId)) this.chosen.set(agentId, { status: preferred, at: 0 });
    return this.changed(agentId, before, this.of(agentId));
  }

  /** Forget a socket; returns the agent's presence if it changed. */
  disconnect(agentId: number, socketId: string): Presence | null {
    const before = this.of(agentId);
    const set = this.sockets.get(agentId);
    set?.delete(socketId);
    if (set && set.size === 0) this.sockets.delete(agentId);
    return this.changed(agentId, before, this.of(agentId));
  }

  /** Set the status an agent chose; returns the new presence if it changed. */
  choose(agentId: number, status: 'online' | 'away'): Presence | null {
    const before = this.of(agentId);
    this.chosen.set(agentId, { status, at: this.now() });
    return this.changed(agentId, before, this.of(agentId));
  }

  private changed(agentId: number, before: Presence, after: Presence): Presence | null {
    if (after === before) return null;
    this.cached = null;
    this.since.set(agentId, this.now());
    return after;
  }

  /** Since when the agent's presence holds (null: unchanged since this server started). */
  sinceOf(agentId: number): number | null {
    return this.since.get(agentId) ?? null;
  }

  /** Current presence of an agent. */
  of(agentId: number): Presence {
    if (!this.sockets.has(agentId) && !this.elsewhere(agentId)) return 'offline';
    return this.chosen.get(agentId)?.status ?? 'online';
  }

  /** Agents connected and marked online (candidates for auto-assignment). */
  onlineAgentIds(): number[] {
    return this.connected().filter((id) => this.of(id) === 'online');
  }

  /** Every agent that is not offline (one object shared between callers: do not modify). */
  snapshot(): PresenceLists {
    this.cached ??= toPresenceLists(this.connected().map((agentId) => ({ agentId, presence: this.of(agentId) })));
    return this.cached;
  }

  /** The agents with a socket on this node and their choice (what this node shares with the others). */
  localChoices(): Map<number, Choice> {
    const out = new Map<number, Choice>();
    for (const id of this.sockets.keys()) out.set(id, this.chosen.get(id) ?? { status: 'online', at: 0 });
    return out;
  }

  /** Replace what another node reported (its connected agents and their choices); returns the agents whose presence changed. */
  setRemote(node: string, agents: ReadonlyMap<number, Choice>): number[] {
    const touched = new Set([...(this.remote.get(node) ?? []), ...agents.keys()]);
    return this.track(touched, () => {
      for (const [id, c] of agents) this.adopt(id, c);
      if (agents.size > 0) this.remote.set(node, new Set(agents.keys()));
      else this.remote.delete(node);
    });
  }

  /** Apply one agent's entry from another node (null: no socket there any more); returns the agents whose presence changed. */
  patchRemote(node: string, agentId: number, choice: Choice | null): number[] {
    return this.track([agentId], () => {
      let set = this.remote.get(node);
      if (choice === null) set?.delete(agentId);
      else {
        if (!set) this.remote.set(node, (set = new Set()));
        set.add(agentId);
        this.adopt(agentId, choice);
      }
    });
  }

  /** The status an agent chose and when (null: only the default of a first connection, or nothing). */
  choiceOf(agentId: number): Choice | null {
    const c = this.chosen.get(agentId);
    return c && c.at > 0 ? c : null;
  }

  /** Take a choice made on another node (a lead set an agent away there); returns the agents whose presence changed. */
  adoptChoice(agentId: number, c: Choice): number[] {
    return this.track([agentId], () => this.adopt(agentId, c));
  }

  /** A later choice made on another node wins (an agent's status is one, whichever node they chose it on). */
  private adopt(agentId: number, c: Choice): void {
    const mine = this.chosen.get(agentId);
    if (!mine || c.at > mine.at) this.chosen.set(agentId, c);
  }

  private track(ids: Iterable<number>, apply: () => void): number[] {
    const before = [...ids].map((id) => [id, this.of(id)] as const);
    apply();
    return before.filter(([id, was]) => this.changed(id, was, this.of(id)) !== null).map(([id]) => id);
  }

  private elsewhere(agentId: number): boolean {
    for (const set of this.remote.values()) if (set.has(agentId)) return true;
    return false;
  }

  private connected(): number[] {
    const ids = new Set(this.sockets.keys());
    for (const set of this.remote.values()) for (const id of set) ids.add(id);
    return [...ids];
  }
}

/**
 * Gathers the agents whose presence changed and hands their current presence to `flush` at most
 * once per `intervalMs`: an agent that connects and disconnects within one window costs nothing,
 * and a thousand agents connecting at once cost one broadcast per window instead of one each.
 */
export class PresenceBatch {
  private readonly pending = new Set<number>();
  /** What was last announced per agent (absent = offline), so a change undone within a window is not sent. */
  private readonly announced = new Map<number, Presence>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly registry: PresenceRegistry,
    private readonly intervalMs: number,
    private readonly flush: (changes: PresenceEntry[]) => void,
  ) {}

  /** Note that an agent's presence changed; it is announced with the next flush. */
  changed(agentId: number): void {
    // Sockets closing with the server disconnect after close(): no timer may outlive the database.
    if (this.closed) return;
    this.pending.add(agentId);
    this.timer ??= setTimeout(() => this.flushNow(), this.intervalMs);
  }

  /** Announce what is pending now. */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const changes: PresenceEntry[] = [];
    for (const agentId of this.pending) {
      const presence = this.registry.of(agentId);
      if (presence === (this.announced.get(agentId) ?? 'offline')) continue;
      if (presence === 'offline') this.announced.delete(agentId);
      else this.announced.set(agentId, presence);
      changes.push({ agentId, presence });
    }
    this.pending.clear();
    if (changes.length > 0) this.flush(changes);
  }

  /** Stop without announcing what is pending (the server is closing). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
