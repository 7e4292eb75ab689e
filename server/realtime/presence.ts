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

/**
 * Live presence from connected sockets: an agent with no socket is offline; otherwise the
 * status they chose (online or away). Kept in memory — it is a fact about live connections.
 */
export class PresenceRegistry {
  private readonly sockets = new Map<number, Set<string>>();
  private readonly chosen = new Map<number, 'online' | 'away'>();
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
    if (!this.chosen.has(agentId)) this.chosen.set(agentId, preferred);
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
    this.chosen.set(agentId, status);
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
    if (!this.sockets.has(agentId)) return 'offline';
    return this.chosen.get(agentId) ?? 'online';
  }

  /** Agents connected and marked online (candidates for auto-assignment). */
  onlineAgentIds(): number[] {
    return [...this.sockets.keys()].filter((id) => this.of(id) === 'online');
  }

  /** Every agent that is not offline (one object shared between callers: do not modify). */
  snapshot(): PresenceLists {
    this.cached ??= toPresenceLists(
      [...this.sockets.keys()].map((agentId) => ({ agentId, presence: this.of(agentId) })),
    );
    return this.cached;
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
