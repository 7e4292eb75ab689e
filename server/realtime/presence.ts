import type { Presence } from '#shared/schemas/common';

/**
 * Live presence from connected sockets: an agent with no socket is offline; otherwise the
 * status they chose (online or away). Kept in memory — it is a fact about live connections.
 */
export class PresenceRegistry {
  private readonly sockets = new Map<number, Set<string>>();
  private readonly chosen = new Map<number, 'online' | 'away'>();

  /** Record a new socket; returns the agent's presence if it changed. */
  connect(agentId: number, socketId: string, preferred: 'online' | 'away' = 'online'): Presence | null {
    const before = this.of(agentId);
    const set = this.sockets.get(agentId) ?? new Set<string>();
    set.add(socketId);
    this.sockets.set(agentId, set);
    if (!this.chosen.has(agentId)) this.chosen.set(agentId, preferred);
    const after = this.of(agentId);
    return after === before ? null : after;
  }

  /** Forget a socket; returns the agent's presence if it changed. */
  disconnect(agentId: number, socketId: string): Presence | null {
    const before = this.of(agentId);
    const set = this.sockets.get(agentId);
    set?.delete(socketId);
    if (set && set.size === 0) this.sockets.delete(agentId);
    const after = this.of(agentId);
    return after === before ? null : after;
  }

  /** Set the status an agent chose; returns the new presence if it changed. */
  choose(agentId: number, status: 'online' | 'away'): Presence | null {
    const before = this.of(agentId);
    this.chosen.set(agentId, status);
    const after = this.of(agentId);
    return after === before ? null : after;
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

  /** Every agent that is not offline. */
  snapshot(): Array<{ agentId: number; presence: Presence }> {
    return [...this.sockets.keys()].map((agentId) => ({ agentId, presence: this.of(agentId) }));
  }
}
