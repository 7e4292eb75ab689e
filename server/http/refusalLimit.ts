import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { RedisLink } from '#server/cluster/redis';
import { errorMessage } from '#server/errors';

const WINDOW_MS = 60_000;
/** Past this many remembered addresses, expired windows are swept before a new one is added. */
const SWEEP_AT = 10_000;
const CHANNEL = 'refusals';
/** INCR the address's refusals, starting its window on the first; answers [count, ms left]. */
const COUNT_SCRIPT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/** A refusal limiter: the middleware, and start() to join the other nodes' counts (with Redis). */
export type RefusalLimiter = RequestHandler & { start(): Promise<void> };

/**
 * A per-address limit on *refused* requests to a public endpoint (provider webhooks, the API
 * channel): bad signatures, unknown keys and malformed bodies (answers ≥ 400) count, successful
 * deliveries never do, so a provider or integration that works is never slowed while one address
 * probing for secrets or flooding junk gets 429 for the rest of its minute. The address is the TCP peer unless it is a trusted proxy (TRUST_PROXY, see
 * docs/security.md); IPv6 addresses count per /56, as express-rate-limit counted them.
 *
 * Only refusals are written down, so an accepted webhook costs one map look-up (this replaced
 * express-rate-limit, which counted every request and took it back after a success: ~4 % of the
 * server's CPU per ingested webhook). With several nodes (`redis`), each refusal is also counted in
 * Redis under `scope` and the address; the node whose count reaches the limit tells every node, so
 * an address is refused wherever its requests land — and accepted requests still cost no round trip.
 */
export function refusalLimiter(
  perMinute: number,
  now: () => number = Date.now,
  redis: RedisLink | null = null,
  scope = 'public',
): RefusalLimiter {
  const windows = new Map<string, { refused: number; resetAt: number }>();
  const policy = `"refusals"; q=${perMinute}; w=${WINDOW_MS / 1000}`;
  const windowOf = (key: string, t: number) => {
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      if (!w && windows.size >= SWEEP_AT) for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
      windows.set(key, (w = { refused: 0, resetAt: t + WINDOW_MS }));
    }
    return w;
  };
  /** What the cluster counted: this node refuses the address for the rest of the shared window. */
  const learn = (key: string, refused: number, msLeft: number) => {
    const t = now();
    const w = windowOf(key, t);
    w.refused = Math.max(w.refused, refused);
    if (msLeft > 0) w.resetAt = t + msLeft;
  };
  const refused = (key: string) => {
    windowOf(key, now()).refused++;
    if (!redis) return;
    const counted = redis.cmd.eval(COUNT_SCRIPT, 1, redis.key(`refusals:${scope}:${key}`), WINDOW_MS) as Promise<
      [number, number]
    >;
    counted
      .then(([n, msLeft]) => {
        learn(key, n, msLeft);
        if (n === perMinute) return redis.publish(CHANNEL, JSON.stringify({ scope, key, n, msLeft }));
      })
      .catch((err: unknown) => console.error(`[refusals] not shared: ${errorMessage(err)}`));
  };
  const handler: RequestHandler = (req, res, next) => {
    const key = ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '?');
    res.setHeader('RateLimit-Policy', policy);
    const w = windows.get(key);
    const t = now();
    if (w && w.resetAt > t && w.refused >= perMinute) {
      res.setHeader('RateLimit', `"refusals"; r=0; t=${Math.ceil((w.resetAt - t) / 1000)}`);
      res
        .status(429)
        .json({ error: 'too many refused requests from this address; try again in a minute', code: 'rate_limited' });
      return;
    }
    res.once('finish', () => {
      if (res.statusCode >= 400) refused(key);
    });
    next();
  };
  return Object.assign(handler, {
    async start() {
      await redis?.subscribe(CHANNEL, (raw) => {
        const m = JSON.parse(raw) as { scope: string; key: string; n: number; msLeft: number };
        if (m.scope === scope) learn(m.key, m.n, m.msLeft);
      });
    },
  });
}
