/** One socket looking at a thread, and until when it is typing there (0: not typing). */
export interface View {
  agentId: number;
  threadId: number;
  typingUntil: number;
}

/**
 * Who is looking at / typing in which thread, per socket (ephemeral). With several nodes
 * (clusterShare.ts) it also mirrors the other nodes' sockets, so viewersOf answers for the cluster.
 */
export class ViewerRegistry {
  private readonly bySocket = new Map<string, View>();
  /** Other nodes' sockets, per node id. */
  private readonly remote = new Map<string, Map<string, View>>();

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

  /** What a socket of this node is looking at (null: nothing). */
  localView(socketId: string): View | null {
    return this.bySocket.get(socketId) ?? null;
  }

  /** This node's sockets and what they look at (what this node shares with the others). */
  localViews(): ReadonlyMap<string, View> {
    return this.bySocket;
  }

  /** Replace another node's sockets' views; returns the threads whose viewer list may have changed. */
  setRemote(node: string, views: ReadonlyMap<string, View>): number[] {
    const threads = new Set<number>();
    for (const v of this.remote.get(node)?.values() ?? []) threads.add(v.threadId);
    for (const v of views.values()) threads.add(v.threadId);
    if (views.size > 0) this.remote.set(node, new Map(views));
    else this.remote.delete(node);
    return [...threads];
  }

  /** Apply one socket's view from another node (null: it looks at nothing or is gone); returns the threads touched. */
  patchRemote(node: string, socketId: string, view: View | null): number[] {
    let views = this.remote.get(node);
    const prev = views?.get(socketId);
    if (view === null) views?.delete(socketId);
    else {
      if (!views) this.remote.set(node, (views = new Map()));
      views.set(socketId, view);
    }
    return [...new Set([prev?.threadId, view?.threadId].filter((t): t is number => t !== undefined))];
  }

  /** Agents on a thread, with whether any of their sockets is typing. */
  viewersOf(threadId: number, now: number): Array<{ agentId: number; typing: boolean }> {
    const out = new Map<number, boolean>();
    for (const v of this.all()) {
      if (v.threadId !== threadId) continue;
      out.set(v.agentId, (out.get(v.agentId) ?? false) || v.typingUntil > now);
    }
    return [...out].map(([agentId, typing]) => ({ agentId, typing }));
  }

  /** Threads where someone's typing flag has expired by `now` (to announce it stopped). */
  expiredTyping(now: number): number[] {
    const ids = new Set<number>();
    for (const v of this.all()) {
      if (v.typingUntil !== 0 && v.typingUntil <= now) {
        v.typingUntil = 0;
        ids.add(v.threadId);
      }
    }
    return [...ids];
  }

  private *all(): Iterable<View> {
    yield* this.bySocket.values();
    for (const views of this.remote.values()) yield* views.values();
  }
}
