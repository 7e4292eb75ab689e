/**
 * Per-provider lanes for the outbox: how many deliveries each provider has in flight, how fast
 * they may start (a token bucket per provider), and a circuit breaker per provider. A provider
 * that hangs or keeps failing fills only its own lane and then is paused, so deliveries to every
 * other provider go on at full speed.
 */

/**
 * Sends per second each provider gets at most (lane key before any ':'), kept under the providers'
 * documented limits: Telegram ~30 messages/s per bot, WhatsApp Cloud API 80/s per number, LINE
 * 2,000 pushes/s; Twilio queues above a sender's rate itself, so SMS stays modest. Lanes not
 * listed (web chat, webhook endpoints) are not rate-limited.
 */
export const PROVIDER_RATES: Readonly<Record<string, number>> = {
  telegram: 25,
  whatsapp: 60,
  messenger: 40,
  instagram: 40,
  line: 100,
  sms: 10,
  voice: 10,
  email: 10,
  api: 50,
};

/** Limits of the lanes. */
export interface LaneOptions {
  /** Deliveries in flight to one provider at most. */
  perProvider: number;
  /** Consecutive retryable failures that open a provider's circuit. */
  breakerThreshold: number;
  /** First pause of an open circuit; doubles on each re-open, capped at 5 minutes. */
  breakerCooldownMs: number;
  /** Sends per second per provider (default PROVIDER_RATES); a burst of one second's worth is allowed. */
  ratePerSecond?: Readonly<Record<string, number>>;
}

interface Lane {
  inFlight: number;
  failures: number;
  opens: number;
  openUntil: number;
  /** Token bucket: sends that may start now, refilled at the provider's rate up to one second's worth. */
  tokens: number;
  refilledAt: number;
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
      l = {
        inFlight: 0,
        failures: 0,
        opens: 0,
        openUntil: 0,
        tokens: this.rate(provider) ?? 0,
        refilledAt: this.now(),
      };
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
    if (this.rate(provider) !== undefined && this.refill(provider, l) < 1 + alsoStarting) return false;
    if (l.failures >= this.opts.breakerThreshold) return busy === 0;
    return busy < this.opts.perProvider;
  }

  /** A delivery to this provider started (it spends one token of the provider's rate). */
  started(provider: string): void {
    const l = this.lane(provider);
    l.inFlight++;
    if (this.rate(provider) !== undefined) l.tokens = this.refill(provider, l) - 1;
  }

  /** The provider's sends per second, or undefined when it is not rate-limited. */
  private rate(provider: string): number | undefined {
    return (this.opts.ratePerSecond ?? PROVIDER_RATES)[provider.split(':')[0]];
  }

  private refill(provider: string, l: Lane): number {
    const rate = this.rate(provider) ?? 0;
    const now = this.now();
    l.tokens = Math.min(rate, l.tokens + ((now - l.refilledAt) / 1000) * rate);
    l.refilledAt = now;
    return l.tokens;
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
