import { inArray, isNull, and } from 'drizzle-orm';
import { slaAlerts, threads } from '#server/db/schema';
import { slaThresholdInstants, type SlaPolicy } from '#shared/metrics/sla';
import type { ThreadRow } from '#server/db/mappers';
import type { RoutedEvent, ServiceDeps } from './deps';
import { chunks } from './chunks';
import { batchSlaFacts, loadSlaPolicies, threadClocks, type SlaFacts } from './sla';
import { roomsOf, summarize } from './threadQueries';
import { isUniqueViolation, transact } from './tx';
import { statements } from '#server/db/statements';

/** One threshold crossing still to announce. */
interface Due {
  at: number;
  episodeId: number;
  kind: 'first_response' | 'next_response' | 'resolution';
  clockStartedAt: number;
  dueAt: number;
  fraction: number;
}

/** Open threads planned per step at start-up (each step is one turn of the event loop). */
const PLAN_BATCH = 250;
/** How long one tick may fire due crossings before yielding to the event loop. */
const TICK_BUDGET_MS = 20;

const alertKey = (kind: string, clockStartedAt: number, fraction: number) => `${kind}:${clockStartedAt}:${fraction}`;

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

  constructor(
    private readonly deps: ServiceDeps,
    private readonly maxSleepMs = 60_000,
    private readonly tickBudgetMs = TICK_BUDGET_MS,
  ) {}

  /**
   * Start: plan every open thread's next crossing in batches, yielding to the event loop between
   * them, so the server answers while a restored database is caught up; crossings missed while
   * down then fire in bounded ticks (see tick).
   */
  start(): void {
    this.running = true;
    this.planAll(true);
  }

  /** Stop the timer (and any planning still spread over the event loop). */
  stop(): void {
    this.running = false;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Recompute everything now (policies or team hours changed). */
  refreshAll(): void {
    this.planAll(false);
  }

  private planAll(spread: boolean): void {
    const generation = ++this.generation;
    this.policies = loadSlaPolicies(this.deps.db);
    this.next.clear();
    if (this.policies.length === 0) {
      this.tick();
      return;
    }
    const ids = this.deps.db
      .select({ id: threads.id })
      .from(threads)
      .where(and(inArray(threads.status, ['open', 'pending', 'snoozed']), isNull(threads.mergedIntoThreadId)))
      .all()
      .map((r) => r.id);
    let from = 0;
    const step = () => {
      if (generation !== this.generation) return; // stopped, or planned again since
      const batch = ids.slice(from, from + PLAN_BATCH);
      from += batch.length;
      this.planBatch(batch);
      if (from >= ids.length) this.tick();
      else if (spread) setImmediate(step);
      else step();
    };
    if (spread) setImmediate(step);
    else step();
  }

  /** Plan some open threads, reading their facts and fired alerts in a few queries, not per thread. */
  private planBatch(ids: number[]): void {
    const now = this.deps.now();
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
    const episodeIds = open.flatMap((t) => (t.currentEpisodeId === null ? [] : [t.currentEpisodeId]));
    const fired = new Map<number, Set<string>>();
    for (const chunk of chunks(episodeIds)) {
      for (const a of this.deps.db.select().from(slaAlerts).where(inArray(slaAlerts.episodeId, chunk)).all()) {
        fired.set(
          a.episodeId,
          (fired.get(a.episodeId) ?? new Set()).add(alertKey(a.kind, a.clockStartedAt, a.fraction)),
        );
      }
    }
    for (const row of open)
      this.plan(
        row.id,
        this.pending(row, now, facts, (ep) => fired.get(ep) ?? new Set()),
      );
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
      // With no policy no clock runs (pending() plans nothing), so the thread is not read back.
      if (this.policies.length === 0) this.next.delete(id);
      else this.recompute(id);
      earliest = Math.min(earliest, this.next.get(id) ?? Infinity);
    }
    // Only re-arm when a touched thread now needs attention before the timer would fire anyway.
    if (earliest < this.armedFor) this.arm();
  }

  /**
   * Fire crossings that are due at the current time, for at most tickBudgetMs (at least one
   * thread): after downtime thousands may be due, and the rest follow in the next ticks, each
   * armed with no delay, so requests are served in between. Returns how many alerts went out.
   */
  tick(): number {
    const now = this.deps.now();
    const t0 = performance.now();
    const due: number[] = [];
    for (const [threadId, at] of this.next) if (at <= now) due.push(threadId);
    let fired = 0;
    for (const threadId of due) {
      fired += this.fireDue(threadId, now);
      this.recompute(threadId);
      if (performance.now() - t0 >= this.tickBudgetMs) break;
    }
    this.arm();
    return fired;
  }

  private firedFor(episodeId: number): Set<string> {
    return new Set(
      statements(this.deps.db)
        .alertsOfEpisode.all({ episodeId })
        .map((a) => alertKey(a.kind, a.clockStartedAt, a.fraction)),
    );
  }

  private pending(
    row: ThreadRow,
    now: number,
    facts?: SlaFacts,
    fired: (episodeId: number) => Set<string> = (ep) => this.firedFor(ep),
  ): Due[] {
    const tc = threadClocks(this.deps.db, row, this.policies, now, facts);
    if (!tc) return [];
    const done = fired(tc.episodeId);
    const out: Due[] = [];
    for (const clock of tc.clocks) {
      for (const { fraction, at } of slaThresholdInstants(clock, tc.schedule, tc.policy.businessHours)) {
        if (!done.has(alertKey(clock.kind, clock.startedAt, fraction))) {
          out.push({
            at,
            episodeId: tc.episodeId,
            kind: clock.kind,
            clockStartedAt: clock.startedAt,
            dueAt: clock.dueAt,
            fraction,
          });
        }
      }
    }
    return out;
  }

  private recompute(threadId: number): void {
    const row = statements(this.deps.db).threadById.get({ id: threadId });
    this.plan(threadId, row && row.status !== 'resolved' ? this.pending(row, this.deps.now()) : []);
  }

  private plan(threadId: number, due: Due[]): void {
    if (due.length === 0) this.next.delete(threadId);
    else this.next.set(threadId, Math.min(...due.map((d) => d.at)));
  }

  private fireDue(threadId: number, now: number): number {
    return transact(this.deps, (tx, emit) => {
      const row = statements(tx).threadById.get({ id: threadId });
      if (!row || row.status === 'resolved') return 0;
      const crossed = this.pending(row, now).filter((d) => d.at <= now);
      if (crossed.length === 0) return 0;
      for (const d of crossed) {
        try {
          statements(tx).insertSlaAlert.run({
            threadId,
            episodeId: d.episodeId,
            kind: d.kind,
            clockStartedAt: d.clockStartedAt,
            fraction: d.fraction,
            dueAt: d.dueAt,
            firedAt: now,
          });
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
        }
      }
      // Announce only the most severe crossing per clock (after downtime, 50/75/90 % may all be past).
      const top = new Map<string, Due>();
      for (const d of crossed) {
        const k = `${d.kind}:${d.clockStartedAt}`;
        if (!top.has(k) || top.get(k)!.fraction < d.fraction) top.set(k, d);
      }
      for (const d of top.values()) {
        emit(
          {
            type: 'sla.alerted',
            threadId,
            kind: d.kind,
            fraction: d.fraction,
            dueAt: d.dueAt,
            state: d.fraction >= 1 ? 'breached' : 'warning',
          },
          roomsOf(row),
          threadId,
        );
      }
      emit({ type: 'thread.updated', thread: summarize(tx, row, now), reason: 'sla' }, roomsOf(row), threadId);
      return top.size;
    });
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
