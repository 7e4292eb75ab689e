import type Database from 'better-sqlite3';
import { inArray, isNull, and } from 'drizzle-orm';
import { threads } from '#server/db/schema';
import type { SlaPolicy } from '#shared/metrics/sla';
import { statements } from '#server/db/statements';
import type { RoutedEvent, ServiceDeps } from './deps';
import { batchSlaFacts, loadSlaPolicies } from './sla';
import { fireCrossings, firedOf, firedOfMany, pendingCrossings, type Due } from './slaCrossings';

/** Open threads read per planning page (facts and fired alerts of a page are read in a few queries). */
const PLAN_PAGE = 50;
/**
 * How long one turn of the event loop may plan or fire before yielding (ms). Well under the 50 ms any
 * request may wait: on a shared, loaded machine a turn's wall time can be twice its CPU time.
 */
const TURN_BUDGET_MS = 10;

const pages = new WeakMap<Database.Database, Database.Statement<[number, number], number>>();

/** Ids of the next open (or pending, snoozed) unmerged threads after an id, in id order. */
function openThreadPage(client: Database.Database): Database.Statement<[number, number], number> {
  let stmt = pages.get(client);
  if (!stmt) {
    stmt = client
      .prepare<[number, number], number>(
        `select id from threads where id > ? and +status in ('open', 'pending', 'snoozed')
         and merged_into_thread_id is null order by id limit ?`,
      )
      .pluck();
    pages.set(client, stmt);
  }
  return stmt;
}

/**
 * Pushes SLA warnings at 50/75/90 % and the breach at 100 % of each running target, over
 * Socket.IO, at the right instants (business-hours aware). Every crossing is recorded in
 * sla_alerts, so after a restart the schedule is recomputed from the database and nothing
 * fires twice; crossings missed while down fire once (the highest one) at start.
 */
export class SlaScheduler {
  private next = new Map<number, number>();
  private policies: SlaPolicy[] = [];
  private timer: NodeJS.Timeout | null = null;
  private armedFor = Infinity;
  private running = false;
  /** Bumped by every planning and by stop, so planning spread over the event loop knows when to give up. */
  private generation = 0;
  /** Threads the last scan found due, worked through over as many turns as they take (last first). */
  private queue: number[] = [];
  private continuing = false;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly maxSleepMs = 60_000,
    private readonly budgetMs = TURN_BUDGET_MS,
  ) {}

  /**
   * Start: plan every open thread's next crossing in pages, each turn of the event loop for at most
   * budgetMs, so the server answers while a restored database is caught up; crossings missed while
   * down then fire in bounded turns too (see tick).
   */
  start(): void {
    this.running = true;
    this.planAll(true);
  }

  /** Stop the timer (and any planning or firing still spread over the event loop). */
  stop(): void {
    this.running = false;
    this.generation++;
    this.queue = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Recompute everything (policies or team hours changed): now, or with `spread` over the next turns
   * of at most budgetMs each, as at start-up — what a request does, so thousands of open threads never
   * hold the event loop for it.
   */
  refreshAll(spread = false): void {
    this.planAll(spread);
  }

  private planAll(spread: boolean): void {
    const generation = ++this.generation;
    this.policies = loadSlaPolicies(this.deps.db);
    this.next.clear();
    this.queue = [];
    if (this.policies.length === 0) {
      this.tick();
      return;
    }
    let after: number | null = 0;
    const step = () => {
      if (generation !== this.generation) return; // stopped, or planned again since
      const t0 = performance.now();
      do after = this.planPage(after as number);
      while (after !== null && (!spread || performance.now() - t0 < this.budgetMs));
      if (after === null) this.tick();
      else setImmediate(step);
    };
    if (spread) setImmediate(step);
    else step();
  }

  /**
   * Plan the next page of open threads after id `after`, reading their facts and fired alerts in a few
   * queries, not per thread; returns the last id planned, or null when no open thread is left.
   */
  private planPage(after: number): number | null {
    const now = this.deps.now();
    // Walked in id order (`+status`: the primary key, not a status index that would sort every open thread per page).
    const ids = openThreadPage(this.deps.db.$client).all(after, PLAN_PAGE);
    if (ids.length === 0) return null;
    const open = this.deps.db
      .select()
      .from(threads)
      .where(
        and(
          inArray(threads.id, ids),
          inArray(threads.status, ['open', 'pending', 'snoozed']),
          isNull(threads.mergedIntoThreadId),
        ),
      )
      .all();
    const facts = batchSlaFacts(this.deps.db, open);
    const fired = firedOfMany(
      this.deps.db,
      open.flatMap((t) => (t.currentEpisodeId === null ? [] : [t.currentEpisodeId])),
    );
    for (const row of open) this.plan(row.id, pendingCrossings(this.deps.db, row, this.policies, now, fired, facts));
    return ids.length < PLAN_PAGE ? null : ids[ids.length - 1];
  }

  /** React to committed events: threads they touch get their schedule recomputed. */
  onEvents(events: RoutedEvent[]): void {
    const ids = new Set<number>();
    for (const { event } of events) {
      if (event.type === 'message.created' || event.type === 'thread.updated') ids.add(event.thread.id);
      if (event.type === 'thread.removed') this.next.delete(event.threadId);
    }
    let earliest = Infinity;
    for (const id of ids) {
      // With no policy no clock runs (pendingCrossings plans nothing), so the thread is not read back.
      if (this.policies.length === 0) this.next.delete(id);
      else this.recompute(id);
      earliest = Math.min(earliest, this.next.get(id) ?? Infinity);
    }
    // Only re-arm when a touched thread now needs attention before the timer would fire anyway.
    if (earliest < this.armedFor && this.queue.length === 0) this.arm();
  }

  /**
   * Fire crossings that are due at the current time, for at most budgetMs (at least one thread):
   * after downtime thousands may be due; they are found once and worked through in the next turns
   * (setImmediate), so requests are served in between. Returns how many alerts went out.
   */
  tick(): number {
    const now = this.deps.now();
    const t0 = performance.now();
    if (this.queue.length === 0) {
      for (const [threadId, at] of this.next) if (at <= now) this.queue.push(threadId);
      this.queue.reverse();
    }
    let fired = 0;
    while (this.queue.length > 0) {
      const threadId = this.queue.pop() as number;
      // Re-planned since the scan (a reply stopped its clock, a resolve): nothing due any more.
      if ((this.next.get(threadId) ?? Infinity) > now) continue;
      fired += fireCrossings(this.deps, threadId, this.policies, now);
      this.recompute(threadId);
      if (performance.now() - t0 >= this.budgetMs) break;
    }
    if (this.queue.length > 0) this.continueSoon();
    else this.arm();
    return fired;
  }

  private continueSoon(): void {
    if (!this.running || this.continuing) return;
    this.continuing = true;
    setImmediate(() => {
      this.continuing = false;
      if (this.running) this.tick();
    });
  }

  private recompute(threadId: number): void {
    const row = statements(this.deps.db).threadById.get({ id: threadId });
    const now = this.deps.now();
    this.plan(
      threadId,
      row && row.status !== 'resolved'
        ? pendingCrossings(this.deps.db, row, this.policies, now, firedOf(this.deps.db))
        : [],
    );
  }

  private plan(threadId: number, due: Due[]): void {
    if (due.length === 0) this.next.delete(threadId);
    else this.next.set(threadId, Math.min(...due.map((d) => d.at)));
  }

  private arm(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    let soonest = Infinity;
    for (const at of this.next.values()) if (at < soonest) soonest = at;
    const now = this.deps.now();
    const wait = Number.isFinite(soonest) ? Math.max(0, Math.min(this.maxSleepMs, soonest - now)) : this.maxSleepMs;
    this.armedFor = now + wait;
    this.timer = setTimeout(() => {
      this.armedFor = Infinity;
      this.tick();
    }, wait);
    this.timer.unref();
  }

  /** The next crossing instant of a thread (for tests and diagnostics). */
  nextFor(threadId: number): number | null {
    return this.next.get(threadId) ?? null;
  }
}
