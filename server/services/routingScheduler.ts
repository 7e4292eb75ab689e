import { eq, inArray } from 'drizzle-orm';
import { agentTeams, teams } from '#server/db/schema';
import type { RoutedEvent, ServiceDeps } from './deps';
import { routeTeamQueue } from './router';
import { transact } from './tx';

/** Thread changes that can free an agent's room or change a team's queue. */
const REQUEUE_REASONS = new Set(['assigned', 'status', 'team', 'merged', 'unmerged', 'priority', 'customer']);

/**
 * Runs routing passes outside ingest: when capacity frees up (a resolve, an unassign, a move),
 * when an agent comes online, and at the instants a language fall-back or an overflow falls due.
 * Nothing is kept but those instants: every pass reads the threads as they are, and assigning or
 * moving a thread takes it out of the queue in the same transaction, so a fall-back or overflow
 * happens exactly once, and after a restart start() routes every team again (overdue ones at once).
 */
export class RoutingScheduler {
  private due = new Map<number, number>();
  private dirty = new Set<number>();
  private flushQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly maxSleepMs = 60_000,
  ) {}

  /** Route every auto-assigning team now, then keep the timers. */
  start(): void {
    this.running = true;
    const ids = this.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.autoAssign, true)).all();
    for (const { id } of ids) this.dirty.add(id);
    this.flush();
  }

  /** Stop the timer. */
  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Committed events: teams whose threads were resolved, unassigned, moved… get a pass soon. */
  onEvents(events: readonly RoutedEvent[]): void {
    for (const { event } of events) {
      const requeue =
        (event.type === 'thread.updated' && REQUEUE_REASONS.has(event.reason)) ||
        // A message in an unassigned thread: it joined (or moved in) its team's queue, timers may start.
        (event.type === 'message.created' && event.thread.assigneeId === null);
      if (requeue && event.thread.teamId !== null) this.dirty.add(event.thread.teamId);
    }
    this.queueFlush();
  }

  /** Agents whose presence changed: their teams get a pass (someone may now have room). */
  onAgents(agentIds: readonly number[]): void {
    if (agentIds.length === 0 || !this.running) return;
    const rows = this.deps.db
      .select({ teamId: agentTeams.teamId })
      .from(agentTeams)
      .where(inArray(agentTeams.agentId, [...agentIds]))
      .all();
    for (const r of rows) this.dirty.add(r.teamId);
    this.queueFlush();
  }

  /** Run the passes that are due now (timers call it; tests call it after moving their clock). */
  tick(): void {
    const now = this.deps.now();
    for (const [teamId, at] of this.due) if (at <= now) this.dirty.add(teamId);
    this.flush();
  }

  /** The next instant a team's waiting threads change by time alone (for tests and diagnostics). */
  nextFor(teamId: number): number | null {
    return this.due.get(teamId) ?? null;
  }

  private queueFlush(): void {
    if (this.flushQueued || this.dirty.size === 0 || !this.running) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      // Stopped since it was queued: the database may already be closed (server shutdown).
      if (this.running) this.flush();
    });
  }

  private flush(): void {
    const teamIds = [...this.dirty];
    this.dirty.clear();
    for (const teamId of teamIds) {
      const pass = transact(this.deps, (tx, emit) => routeTeamQueue(tx, emit, this.deps, teamId, this.deps.now()));
      if (pass.nextAt === null) this.due.delete(teamId);
      else this.due.set(teamId, pass.nextAt);
    }
    this.arm();
  }

  private arm(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    let soonest = Infinity;
    for (const at of this.due.values()) soonest = Math.min(soonest, at);
    const wait = Math.max(0, Math.min(this.maxSleepMs, soonest - this.deps.now()));
    this.timer = setTimeout(() => this.tick(), Number.isFinite(wait) ? wait : this.maxSleepMs);
    this.timer.unref();
  }
}
