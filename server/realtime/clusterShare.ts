import { randomUUID } from 'node:crypto';
import type { Role } from '#shared/schemas/common';
import type { Viewer } from '#server/domain/access';
import type { RedisLink } from '#server/cluster/redis';
import type { Choice, PresenceRegistry } from './presence';
import type { View, ViewerRegistry } from './viewers';
import { errorMessage } from '#server/errors';

/** An agent connected on a node: id, choice, and the access that decides who hears of their presence. */
type AgentEntry = [id: number, status: Choice['status'], at: number, role: Role, teamIds: number[]];
type ViewEntry = [socketId: string, agentId: number, threadId: number, typingUntil: number];
/** A node's whole shared state, kept under its heartbeat key. */
interface NodeState {
  v: number;
  agents: AgentEntry[];
  views: ViewEntry[];
}
/** What a node publishes after a change: its new version and the entries that changed (null: gone). */
interface Delta {
  node: string;
  v: number;
  agents: Array<AgentEntry | [id: number, gone: null]>;
  views: Array<ViewEntry | [socketId: string, gone: null]>;
  /** Statuses chosen on this node, also for agents connected elsewhere (a lead sets one away). */
  choices: Array<[id: number, status: Choice['status'], at: number]>;
  /** The node is shutting down: forget it now. */
  gone?: true;
}

/** Where what other nodes report lands. */
export interface ShareSinks {
  presence: PresenceRegistry;
  viewers: ViewerRegistry;
  /** An agent connected elsewhere, with their access (presence audiences need their teams and role). */
  remember(viewer: Viewer): void;
  agentsChanged(agentIds: number[]): void;
  threadsChanged(threadIds: number[]): void;
}

const CHANNEL = 'presence';

/**
 * Presence, viewing and typing shared between nodes through Redis. Each node keeps its whole state
 * (connected agents with their choice, sockets' views) under a heartbeat key that expires after
 * `ttlMs` and is rewritten every ttl/3 while the node lives, and publishes each change as a delta
 * with a version. The others mirror it into their registries, so reads stay synchronous; a missed
 * delta (version gap) is repaired from the key, and a node whose key expired — it died without
 * saying goodbye — is dropped, so its agents go offline on their own. Each node then tells its own
 * sockets (io.local), so every socket hears each change once.
 */
export class ClusterShare {
  readonly node = randomUUID();
  private v = 0;
  private readonly known = new Map<string, number>();
  /**
   * Nodes that said goodbye or whose key expired, with the last version they had: a read or delta
   * still in flight from before must not bring them back (a node that comes back after a stall
   * longer than the TTL is taken again from its next newer version).
   */
  private readonly departed = new Map<string, number>();
  private readonly access = new Map<number, Viewer>();
  private readonly dirtyAgents = new Set<number>();
  private readonly dirtyViews = new Set<string>();
  private flushing: NodeJS.Immediate | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly link: RedisLink,
    private readonly ttlMs: number,
    private readonly sinks: ShareSinks,
  ) {}

  /** Subscribe, publish this node, read the others, and keep the heartbeat going. */
  async start(): Promise<void> {
    await this.link.subscribe(CHANNEL, (raw) => this.onDelta(raw));
    await this.write(null);
    await this.sync();
    this.timer = setInterval(() => void this.beat(), Math.max(100, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
  }

  /** An agent's sockets or choice changed on this node (`viewer`: their access, when they have a socket here). */
  agentChanged(agentId: number, viewer?: Viewer): void {
    if (viewer) this.access.set(agentId, viewer);
    this.dirtyAgents.add(agentId);
    this.schedule();
  }

  /** A socket of this node looks at another thread, typed, stopped, or left. */
  viewChanged(socketId: string): void {
    this.dirtyViews.add(socketId);
    this.schedule();
  }

  /** Say goodbye: the other nodes drop this node's agents and views now, not when the key expires. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.flushing) clearImmediate(this.flushing);
    const bye: Delta = { node: this.node, v: this.v + 1, agents: [], views: [], choices: [], gone: true };
    await this.link.cmd
      .multi()
      .del(this.nodeKey(this.node))
      .srem(this.link.key('nodes'), this.node)
      .publish(this.link.key(CHANNEL), JSON.stringify(bye))
      .exec()
      .catch((err: unknown) => console.error(`[presence] goodbye not sent: ${errorMessage(err)}`));
  }

  private schedule(): void {
    if (this.closed || this.flushing) return;
    // Changes of one event-loop turn (a reconnect storm) go out as one delta.
    this.flushing = setImmediate(() => {
      this.flushing = null;
      const { presence, viewers } = this.sinks;
      const local = presence.localChoices();
      const delta: Delta = { node: this.node, v: 0, agents: [], views: [], choices: [] };
      for (const id of this.dirtyAgents) {
        const c = local.get(id);
        delta.agents.push(c ? this.agentEntry(id, c) : [id, null]);
        const choice = presence.choiceOf(id);
        if (choice) delta.choices.push([id, choice.status, choice.at]);
      }
      for (const s of this.dirtyViews) {
        const view = viewers.localView(s);
        delta.views.push(view ? viewEntry(s, view) : [s, null]);
      }
      this.dirtyAgents.clear();
      this.dirtyViews.clear();
      void this.write(delta);
    });
  }

  /** Store this node's state (new version when `delta` is given) and publish the delta in the same transaction. */
  private async write(delta: Delta | null): Promise<void> {
    if (delta) delta.v = ++this.v;
    const state: NodeState = { v: this.v, agents: [], views: [] };
    for (const [id, c] of this.sinks.presence.localChoices()) state.agents.push(this.agentEntry(id, c));
    for (const [s, view] of this.sinks.viewers.localViews()) state.views.push(viewEntry(s, view));
    const tx = this.link.cmd
      .multi()
      .set(this.nodeKey(this.node), JSON.stringify(state), 'PX', this.ttlMs)
      .sadd(this.link.key('nodes'), this.node);
    if (delta) tx.publish(this.link.key(CHANNEL), JSON.stringify(delta));
    await tx.exec().catch((err: unknown) => console.error(`[presence] not shared: ${errorMessage(err)}`));
  }

  private async beat(): Promise<void> {
    if (this.closed) return;
    await this.write(null);
    await this.sync().catch((err: unknown) => console.error(`[presence] sync failed: ${errorMessage(err)}`));
  }

  /**
   * Read every node's state: apply what is newer than known, drop nodes whose heartbeat expired.
   * Deltas and repairs keep arriving while the read is in flight, so only a node whose key came back
   * empty, or one known before the read started and no longer listed, is dropped — not one that
   * joined meanwhile.
   */
  private async sync(): Promise<void> {
    const before = new Set(this.known.keys());
    const nodesKey = this.link.key('nodes');
    const nodes = (await this.link.cmd.smembers(nodesKey)).filter((n) => n !== this.node);
    const states = nodes.length > 0 ? await this.link.cmd.mget(nodes.map((n) => this.nodeKey(n))) : [];
    if (this.closed) return;
    const listed = new Set(nodes);
    nodes.forEach((n, i) => {
      const raw = states[i];
      if (raw !== null && raw !== undefined) return this.applyIfNewer(n, raw);
      void this.link.cmd.srem(nodesKey, n).catch(() => undefined);
      this.drop(n);
    });
    for (const n of before) if (!listed.has(n)) this.drop(n);
  }

  private onDelta(raw: string): void {
    const d = JSON.parse(raw) as Delta;
    if (d.node === this.node || this.closed || d.v <= (this.departed.get(d.node) ?? -1)) return;
    if (d.gone) return this.drop(d.node, d.v);
    const known = this.known.get(d.node);
    if (known !== undefined && d.v <= known) return;
    if (known === undefined || d.v !== known + 1) return void this.refetch(d.node);
    this.known.set(d.node, d.v);
    const { presence, viewers } = this.sinks;
    const chosen = d.choices.flatMap(([id, status, at]) => presence.adoptChoice(id, { status, at }));
    const connected = d.agents.flatMap((e) => {
      if (e[1] === null) return presence.patchRemote(d.node, e[0], null);
      this.sinks.remember(accessOf(e));
      return presence.patchRemote(d.node, e[0], { status: e[1], at: e[2] });
    });
    const threads = d.views.flatMap((e) => viewers.patchRemote(d.node, e[0], e[1] === null ? null : viewOf(e)));
    this.tell([...new Set([...chosen, ...connected])], threads);
  }

  /** A delta was missed: the node's key holds its state at least as new as the delta that showed it. */
  private async refetch(node: string): Promise<void> {
    const raw = await this.link.cmd.get(this.nodeKey(node)).catch((err: unknown) => {
      console.error(`[presence] repair of ${node} failed: ${errorMessage(err)}`);
      return null;
    });
    if (raw !== null && !this.closed) this.applyIfNewer(node, raw);
  }

  /**
   * A node's state as read from its key, applied only when newer than what this node knows of it
   * (a read can be overtaken by deltas) and than the version it departed with.
   */
  private applyIfNewer(node: string, raw: string): void {
    let state: NodeState;
    try {
      state = JSON.parse(raw) as NodeState;
    } catch (err) {
      // A key this version cannot read (another node mid-upgrade): skip it, never throw out of a read.
      return console.error(`[presence] state of ${node} not readable: ${errorMessage(err)}`);
    }
    if (state.v <= Math.max(this.known.get(node) ?? -1, this.departed.get(node) ?? -1)) return;
    this.departed.delete(node);
    this.known.set(node, state.v);
    for (const e of state.agents) this.sinks.remember(accessOf(e));
    const agents = this.sinks.presence.setRemote(
      node,
      new Map(state.agents.map((e) => [e[0], { status: e[1], at: e[2] }])),
    );
    const threads = this.sinks.viewers.setRemote(node, new Map(state.views.map((e) => [e[0], viewOf(e)])));
    this.tell(agents, threads);
  }

  /** Forget a node that left (`v`: its goodbye's version; else the last one known of it). */
  private drop(node: string, v = this.known.get(node) ?? -1): void {
    this.departed.set(node, Math.max(v, this.departed.get(node) ?? -1));
    this.known.delete(node);
    this.tell(this.sinks.presence.setRemote(node, new Map()), this.sinks.viewers.setRemote(node, new Map()));
  }

  private tell(agents: number[], threads: number[]): void {
    if (agents.length > 0) this.sinks.agentsChanged(agents);
    if (threads.length > 0) this.sinks.threadsChanged(threads);
  }

  private agentEntry(id: number, c: Choice): AgentEntry {
    const v = this.access.get(id);
    return [id, c.status, c.at, v?.role ?? 'agent', v?.teamIds ?? []];
  }

  private nodeKey(node: string): string {
    return this.link.key(`node:${node}`);
  }
}

function viewEntry(socketId: string, v: View): ViewEntry {
  return [socketId, v.agentId, v.threadId, v.typingUntil];
}

function viewOf(e: ViewEntry): View {
  return { agentId: e[1], threadId: e[2], typingUntil: e[3] };
}

function accessOf(e: AgentEntry): Viewer {
  return { id: e[0], role: e[3], teamIds: e[4] };
}
