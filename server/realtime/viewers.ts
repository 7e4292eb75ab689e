/** Who is looking at / typing in which thread, per socket (ephemeral). */
export class ViewerRegistry {
  private readonly bySocket = new Map<string, { agentId: number; threadId: number; typingUntil: number }>();

  /** Point a socket at a thread (or none); returns the thread ids whose viewer list changed. */
  view(socketId: string, agentId: number, threadId: number | null): number[] {
    const prev = this.bySocket.get(socketId);
    if (prev?.threadId === threadId) return [];
    this.bySocket.delete(socketId);
    if (threadId !== null) this.bySocket.set(socketId, { agentId, threadId, typingUntil: 0 });
    return [prev?.threadId, threadId ?? undefined].filter((t): t is number => t !== undefined);
  }

  /** Mark typing on the socket's thread until `until` (0 stops); returns true when it changed. */
  typing(socketId: string, agentId: number, threadId: number, until: number, now: number): boolean {
    const cur = this.bySocket.get(socketId);
    if (!cur || cur.threadId !== threadId) {
      this.bySocket.set(socketId, { agentId, threadId, typingUntil: until });
      return true;
    }
    const was = cur.typingUntil > now;
    cur.typingUntil = until;
    return was !== until > now;
  }

  /** Remove a socket; returns the thread it was viewing, if any. */
  drop(socketId: string): number | null {
    const prev = this.bySocket.get(socketId);
    this.bySocket.delete(socketId);
    return prev?.threadId ?? null;
  }

  /** Agents on a thread, with whether any of their sockets is typing. */
  viewersOf(threadId: number, now: number): Array<{ agentId: number; typing: boolean }> {
    const out = new Map<number, boolean>();
    for (const v of this.bySocket.values()) {
      if (v.threadId !== threadId) continue;
      out.set(v.agentId, (out.get(v.agentId) ?? false) || v.typingUntil > now);
    }
    return [...out].map(([agentId, typing]) => ({ agentId, typing }));
  }

  /** Threads where someone's typing flag has expired by `now` (to announce it stopped). */
  expiredTyping(now: number): number[] {
    const ids = new Set<number>();
    for (const v of this.bySocket.values()) {
      if (v.typingUntil !== 0 && v.typingUntil <= now) {
        v.typingUntil = 0;
        ids.add(v.threadId);
      }
    }
    return [...ids];
  }
}
