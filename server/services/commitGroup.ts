import type { ServiceDeps } from './deps';
import { transactHeld, type Held } from './tx';

/** Most pieces of work committed together (bounds how long one transaction holds the event loop). */
export const GROUP_MAX = 64;

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown };
}

/**
 * Group commit: pieces of synchronous write work submitted in the same turn of the event loop (the
 * webhooks whose bodies arrived together) run in ONE SQLite transaction, so they share one
 * BEGIN/COMMIT and one write of each touched page to the WAL instead of one per message.
 *
 * The rules (docs/architecture.md, "Group commit"):
 * - a submitter's promise settles only after the transaction holding its work has committed (an
 *   HTTP answer sent then means the rows are in the database file);
 * - every transact() inside the work is a savepoint: work that throws gets its own error and only
 *   its failed part is rolled back, the rest of the group commits;
 * - events and after-commit work are held until the commit, then published in one batch;
 * - if the group's transaction itself fails (commit error, SQLite rolled it back), nothing of it
 *   is published and each piece of work runs again alone, in its own transaction(s).
 */
export class CommitGroup {
  private queue: Job[] = [];
  private scheduled = false;
  /** Groups committed and the pieces of work they held (fallback runs are not counted). */
  readonly stats = { groups: 0, jobs: 0 };

  constructor(
    private readonly deps: ServiceDeps,
    private readonly max = GROUP_MAX,
  ) {}

  /** Run `work` in the next group; resolves with its result once committed (rejects with its error). */
  submit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.drain());
      }
    });
  }

  private drain(): void {
    this.scheduled = false;
    while (this.queue.length > 0) this.commit(this.queue.splice(0, this.max));
  }

  private commit(jobs: Job[]): void {
    let held: Held;
    try {
      held = transactHeld(this.deps, () => {
        for (const job of jobs) {
          try {
            job.outcome = { ok: true, value: job.work() };
          } catch (error) {
            job.outcome = { ok: false, error };
          }
          // A failure SQLite answered by rolling back the whole transaction loses the group's work.
          if (!this.deps.db.$client.inTransaction) throw new Error('group transaction rolled back');
        }
      }).held;
    } catch (err) {
      console.error('[commit-group] group transaction failed; running its work one by one:', err);
      for (const job of jobs) this.runAlone(job);
      return;
    }
    this.stats.groups++;
    this.stats.jobs += jobs.length;
    // Committed: whatever goes wrong from here must not keep a submitter from its answer.
    if (held.events.length > 0) logFailure('publishing', () => this.deps.publisher.publish(held.events));
    for (const fn of held.after) logFailure('after-commit work', fn);
    for (const job of jobs) {
      const o = job.outcome!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    }
  }

  private runAlone(job: Job): void {
    try {
      job.resolve(job.work());
    } catch (error) {
      job.reject(error);
    }
  }
}

function logFailure(what: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error(`[commit-group] ${what} failed after commit (the work is stored):`, err);
  }
}
