/**
 * In-memory token buckets keyed by visitor or IP: `capacity` actions at once, refilled at
 * `perSecond`. Small and per-process on purpose: it protects one Braid from a noisy widget.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {}

  /** Spend one token for `key`; false when the bucket is empty (the caller refuses the action). */
  take(key: string): boolean {
    const now = this.now();
    if (this.buckets.size > 50_000) this.sweep(now);
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    return true;
  }

  private sweep(now: number): void {
    const full = (this.capacity / this.perSecond) * 1000;
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }
}
