import type { Db } from '#server/db/connection';
import { ProviderLanes, type LaneOptions } from './outboxLanes';
import type { Tx } from './tx';

/** How many deliveries run at once and how often the queue is polled. */
export interface PumpOptions extends LaneOptions {
  pollMs: number;
  /** Deliveries in flight over all lanes at most. */
  concurrency: number;
}

/** One due row and the lane (provider or endpoint) it goes through. */
export interface DueRow {
  id: number;
  lane: string;
}

/** Due rows looked at per claim, so a long queue for one paused lane cannot hide the others. */
const CLAIM_SCAN = 500;

/**
 * The delivery loop shared by the reply outbox and the webhook outbox: poll for due rows, claim
 * as many as there are free slots and lanes with room (marking them "sending" in one IMMEDIATE
 * transaction), run each on its own, and start the next as soon as one finishes.
 */
export abstract class LanePump {
  protected readonly lanes: ProviderLanes;
  private readonly inFlight = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    protected readonly db: Db,
    protected readonly clock: () => number,
    private readonly pumpOpts: PumpOptions,
    private readonly label: string,
  ) {
    this.lanes = new ProviderLanes(pumpOpts, clock);
  }

  /** Rows due at `now`, oldest first, at most `limit`. */
  protected abstract dueRows(tx: Tx, now: number, limit: number): DueRow[];
  /** Mark a claimed row as being sent. */
  protected abstract markSending(tx: Tx, id: number, now: number): void;
  /** Put rows a crash left "sending" back in the queue. */
  protected abstract recover(): void;
  /** Send one claimed row and record the outcome (must call lanes.finished). */
  protected abstract deliver(id: number, lane: string): Promise<void>;

  /** Recover interrupted deliveries and start polling. */
  start(): void {
    this.recover();
    this.stopped = false;
    this.timer = setInterval(() => this.pump(), this.pumpOpts.pollMs);
    this.pump();
  }

  /** Stop polling and wait for in-flight deliveries to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.inFlight.values());
  }

  /** Deliver due rows now (called after something is queued). */
  kick(): void {
    this.pump();
  }

  /** Fill every free slot with a due row whose lane has room. */
  private pump(): void {
    if (this.stopped) return;
    const free = this.pumpOpts.concurrency - this.inFlight.size;
    if (free <= 0) return;
    let claimed: DueRow[];
    try {
      claimed = this.claim(free);
    } catch (err) {
      console.error(`[${this.label}] could not claim deliveries:`, err);
      return;
    }
    for (const { id, lane } of claimed) {
      this.lanes.started(lane);
      const run = this.deliver(id, lane)
        .catch((err: unknown) => console.error(`[${this.label}] delivery failed unexpectedly:`, err))
        .finally(() => {
          this.inFlight.delete(id);
          this.pump();
        });
      this.inFlight.set(id, run);
    }
  }

  private claim(free: number): DueRow[] {
    const now = this.clock();
    return this.db.transaction(
      (tx) => {
        const picked: DueRow[] = [];
        const reserved = new Map<string, number>();
        for (const r of this.dueRows(tx, now, CLAIM_SCAN)) {
          if (picked.length >= free) break;
          const extra = reserved.get(r.lane) ?? 0;
          if (!this.lanes.canStart(r.lane, extra)) continue;
          reserved.set(r.lane, extra + 1);
          picked.push(r);
        }
        for (const p of picked) this.markSending(tx, p.id, now);
        return picked;
      },
      { behavior: 'immediate' },
    );
  }
}
