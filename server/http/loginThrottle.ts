/**
 * Login limits that slow guessing without locking the real user out (in memory, or in Redis when
 * several nodes share the load — docs/scale-out.md — so the counts hold whichever node a login reaches):
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

import type { RedisLink } from '#server/cluster/redis';
import { errorMessage } from '#server/errors';

const WINDOW_MS = 15 * 60_000;
const PAIR_CAP_MS = 15 * 60_000;
const ACCOUNT_CAP_MS = 60_000;
const IP_DELAY_STEP_MS = 250;
const IP_DELAY_CAP_MS = 3_000;

/** Failed logins under one key, and when the last one was. */
export interface Failures {
  count: number;
  last: number;
}

/** Where failures are counted; an entry is forgotten WINDOW_MS after its last failure. */
export interface FailureStore {
  read(keys: string[], t: number): Promise<Array<Failures | undefined>>;
  fail(keys: string[], t: number): Promise<void>;
  clear(key: string): Promise<void>;
}

/** What to do with one login attempt before checking the password. */
export type LoginGate = { refuseForMs: number } | { delayMs: number };

/** Counts failed logins per account, per address and per both; see the module comment. */
export class LoginThrottle {
  constructor(
    private readonly limit: number,
    private readonly now: () => number,
    private readonly store: FailureStore = new MemoryFailures(),
  ) {}

  /** Decide about an attempt: refuse it for a while, or check it after a (possibly zero) delay. */
  async gate(email: string, ip: string): Promise<LoginGate> {
    const t = this.now();
    const [pair, account, byIp] = await this.store.read(keysOf(email, ip), t);
    const wait = Math.max(
      backoffLeft(pair, this.limit, PAIR_CAP_MS, t),
      backoffLeft(account, 5 * this.limit, ACCOUNT_CAP_MS, t),
    );
    if (wait > 0) return { refuseForMs: wait };
    const over = byIp ? byIp.count - this.limit + 1 : 0;
    return { delayMs: over > 0 ? Math.min(over * IP_DELAY_STEP_MS, IP_DELAY_CAP_MS) : 0 };
  }

  /** Record a wrong password. */
  failed(email: string, ip: string): Promise<void> {
    return this.store.fail(keysOf(email, ip), this.now());
  }

  /** Record a successful login: this address may try this account freely again. */
  succeeded(email: string, ip: string): Promise<void> {
    return this.store.clear(keysOf(email, ip)[0]);
  }
}

/** The three counters an attempt touches: account + address, account, address. */
function keysOf(email: string, ip: string): string[] {
  return [`pair:${email}\n${ip}`, `account:${email}`, `ip:${ip}`];
}

function backoffLeft(f: Failures | undefined, threshold: number, cap: number, t: number): number {
  if (!f || f.count < threshold) return 0;
  const backoff = Math.min(1000 * 2 ** (f.count - threshold), cap);
  return Math.max(0, f.last + backoff - t);
}

/** Failures in this process's memory (one node). */
export class MemoryFailures implements FailureStore {
  private readonly map = new Map<string, Failures>();

  read(keys: string[], t: number): Promise<Array<Failures | undefined>> {
    return Promise.resolve(keys.map((k) => this.live(k, t)));
  }

  fail(keys: string[], t: number): Promise<void> {
    for (const k of keys) this.map.set(k, { count: (this.live(k, t)?.count ?? 0) + 1, last: t });
    if (this.map.size > 150_000) for (const [k, f] of this.map) if (t - f.last >= WINDOW_MS) this.map.delete(k);
    return Promise.resolve();
  }

  clear(key: string): Promise<void> {
    this.map.delete(key);
    return Promise.resolve();
  }

  private live(key: string, t: number): Failures | undefined {
    const f = this.map.get(key);
    return f && t - f.last < WINDOW_MS ? f : undefined;
  }
}

/** Failures in Redis (several nodes): one hash per key, expiring WINDOW_MS after its last failure. */
export class RedisFailures implements FailureStore {
  constructor(private readonly redis: RedisLink) {}

  async read(keys: string[]): Promise<Array<Failures | undefined>> {
    this.connected();
    const p = this.redis.cmd.pipeline();
    for (const k of keys) p.hmget(this.key(k), 'count', 'last');
    const rows = (await p.exec()) ?? [];
    return rows.map(([err, v]) => {
      if (err) throw err;
      const [count, last] = v as Array<string | null>;
      return count && last ? { count: Number(count), last: Number(last) } : undefined;
    });
  }

  async fail(keys: string[], t: number): Promise<void> {
    this.connected();
    const tx = this.redis.cmd.multi();
    for (const k of keys)
      tx.hincrby(this.key(k), 'count', 1).hset(this.key(k), 'last', t).pexpire(this.key(k), WINDOW_MS);
    await tx.exec();
  }

  async clear(key: string): Promise<void> {
    this.connected();
    await this.redis.cmd.del(this.key(key));
  }

  /** Fail at once, not after the reconnect retries, while the connection is down. */
  private connected(): void {
    if (this.redis.cmd.status !== 'ready') throw new Error(`Redis connection ${this.redis.cmd.status}`);
  }

  private key(k: string): string {
    return this.redis.key(`login:${k}`);
  }
}

/** After Redis failed, how long the login limits stay in memory before Redis is tried again. */
const SHARED_RETRY_MS = 10_000;

/**
 * Failures shared between nodes (Redis), counted in this node's memory while the shared store fails,
 * so a login never fails because its limit store does: a wrong password stays 401, not 500. The switch
 * is logged once each way; during an outage each node limits on its own counts.
 */
export class FallbackFailures implements FailureStore {
  private downUntil = 0;

  constructor(
    private readonly shared: FailureStore,
    private readonly now: () => number = Date.now,
    private readonly local: FailureStore = new MemoryFailures(),
  ) {}

  read(keys: string[], t: number): Promise<Array<Failures | undefined>> {
    return this.either((s) => s.read(keys, t));
  }

  fail(keys: string[], t: number): Promise<void> {
    return this.either((s) => s.fail(keys, t));
  }

  clear(key: string): Promise<void> {
    return this.either((s) => s.clear(key));
  }

  private async either<T>(op: (store: FailureStore) => Promise<T>): Promise<T> {
    if (this.now() < this.downUntil) return op(this.local);
    try {
      const result = await op(this.shared);
      if (this.downUntil > 0) console.error('[login] failed logins counted in Redis again');
      this.downUntil = 0;
      return result;
    } catch (err) {
      if (this.downUntil === 0) {
        console.error(`[login] Redis failed (${errorMessage(err)}): failed logins counted in this node's memory`);
      }
      this.downUntil = this.now() + SHARED_RETRY_MS;
      return op(this.local);
    }
  }
}
