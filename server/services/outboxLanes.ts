/**
 * Per-provider lanes for the outbox: how many deliveries each provider has in flight, and a
 * circuit breaker per provider. A provider that hangs or keeps failing fills only its own lane
 * and then is paused, so deliveries to every other provider go on at full speed.
 */

/** Limits of the lanes. */
export interface LaneOptions {
  /** Deliveries in flight to one provider at most. */
  perProvider: number;
  /** Consecutive retryable failures that open a provider's circuit. */
  breakerThreshold: number;
  /** First pause of an open circuit; doubles on each re-open, capped at 5 minutes. */
  breakerCooldownMs: number;
}

interface Lane {
  inFlight: number;
  failures: number;
  opens: number;
  openUntil: number;
}

const COOLDOWN_CAP_MS = 5 * 60_000;

/** In-flight counts and circuit breakers, one lane per provider key. */
export class ProviderLanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly opts: LaneOptions,
    private readonly now: () => number,
  ) {}

  private lane(provider: string): Lane {
    let l = this.lanes.get(provider);
    if (!l) {
      l = { inFlight: 0, failures: 0, opens: 0, openUntil: 0 };
      this.lanes.set(provider, l);
    }
    return l;
  }

  /**
   * May one more delivery to this provider start now? Not while its lane is full or its circuit
   * is open; after the pause one probe at a time goes through (half-open) until one succeeds.
   * `alsoStarting` counts deliveries picked in the same claim that have not started yet.
   */
  canStart(provider: string, alsoStarting = 0): boolean {
    const l = this.lane(provider);
    const busy = l.inFlight + alsoStarting;
    if (l.openUntil > this.now()) return false;
    if (l.failures >= this.opts.breakerThreshold) return busy === 0;
    return busy < this.opts.perProvider;
  }

  /** A delivery to this provider started. */
  started(provider: string): void {
    this.lane(provider).inFlight++;
  }

  /**
   * A delivery finished: success closes the circuit; a retryable failure counts towards opening it;
   * 'none' (nothing was sent, e.g. a reconciliation that must ask again later) only frees the slot.
   */
  finished(provider: string, outcome: 'ok' | 'retryable' | 'permanent' | 'none'): void {
    const l = this.lane(provider);
    l.inFlight = Math.max(0, l.inFlight - 1);
    if (outcome === 'ok') {
      l.failures = 0;
      l.opens = 0;
      l.openUntil = 0;
    } else if (outcome === 'retryable' && ++l.failures >= this.opts.breakerThreshold) {
      l.opens++;
      l.openUntil = this.now() + Math.min(this.opts.breakerCooldownMs * 2 ** (l.opens - 1), COOLDOWN_CAP_MS);
    }
  }

  /** Whether a provider's circuit is open now (for the delivery error agents see). */
  isOpen(provider: string): boolean {
    return this.lane(provider).openUntil > this.now();
  }
}
