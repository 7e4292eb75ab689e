/**
 * Login limits that slow guessing without locking the real user out (in memory, per process):
 *
 * - per account + client address: after `limit` failures, each further attempt must wait a
 *   backoff that doubles from 1 s (capped at 15 min); earlier attempts get 429 + Retry-After
 *   without the password being checked;
 * - per account, from any address: after 5 × `limit` failures the same backoff applies, capped at
 *   60 s, so rotating addresses cannot speed up guessing while the real user waits a minute at most;
 * - per client address, over all accounts: after `limit` failures every attempt is checked only
 *   after a small growing delay (≤ 3 s) — a soft limit: a correct password still gets in.
 *
 * Failures are forgotten 15 minutes after the last one; a success clears its account + address.
 * The client address is `req.ip`, which honours X-Forwarded-For only from TRUST_PROXY peers.
 */

const WINDOW_MS = 15 * 60_000;
const PAIR_CAP_MS = 15 * 60_000;
const ACCOUNT_CAP_MS = 60_000;
const IP_DELAY_STEP_MS = 250;
const IP_DELAY_CAP_MS = 3_000;

interface Failures {
  count: number;
  last: number;
}

/** What to do with one login attempt before checking the password. */
export type LoginGate = { refuseForMs: number } | { delayMs: number };

/** Counts failed logins per account, per address and per both; see the module comment. */
export class LoginThrottle {
  private readonly pair = new Map<string, Failures>();
  private readonly account = new Map<string, Failures>();
  private readonly ip = new Map<string, Failures>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Decide about an attempt: refuse it for a while, or check it after a (possibly zero) delay. */
  gate(email: string, ip: string): LoginGate {
    const t = this.now();
    const wait = Math.max(
      this.backoffLeft(this.pair.get(`${email}\n${ip}`), this.limit, PAIR_CAP_MS, t),
      this.backoffLeft(this.account.get(email), 5 * this.limit, ACCOUNT_CAP_MS, t),
    );
    if (wait > 0) return { refuseForMs: wait };
    const f = this.live(this.ip.get(ip), t);
    const over = f ? f.count - this.limit + 1 : 0;
    return { delayMs: over > 0 ? Math.min(over * IP_DELAY_STEP_MS, IP_DELAY_CAP_MS) : 0 };
  }

  /** Record a wrong password. */
  failed(email: string, ip: string): void {
    const t = this.now();
    for (const [map, key] of [
      [this.pair, `${email}\n${ip}`],
      [this.account, email],
      [this.ip, ip],
    ] as const) {
      const f = this.live(map.get(key), t);
      map.set(key, { count: (f?.count ?? 0) + 1, last: t });
    }
    if (this.pair.size > 50_000) this.prune(t);
  }

  /** Record a successful login: this address may try this account freely again. */
  succeeded(email: string, ip: string): void {
    this.pair.delete(`${email}\n${ip}`);
  }

  private live(f: Failures | undefined, t: number): Failures | undefined {
    return f && t - f.last < WINDOW_MS ? f : undefined;
  }

  private backoffLeft(f: Failures | undefined, threshold: number, cap: number, t: number): number {
    const live = this.live(f, t);
    if (!live || live.count < threshold) return 0;
    const backoff = Math.min(1000 * 2 ** (live.count - threshold), cap);
    return Math.max(0, live.last + backoff - t);
  }

  private prune(t: number): void {
    for (const map of [this.pair, this.account, this.ip])
      for (const [k, f] of map) if (t - f.last >= WINDOW_MS) map.delete(k);
  }
}
