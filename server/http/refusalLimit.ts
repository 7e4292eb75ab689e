import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

const WINDOW_MS = 60_000;
/** Past this many remembered addresses, expired windows are swept before a new one is added. */
const SWEEP_AT = 10_000;

/**
 * A per-address limit on *refused* requests to a public endpoint (provider webhooks, the API
 * channel): bad signatures, unknown keys and malformed bodies (answers ≥ 400) count, successful
 * deliveries never do, so a provider or integration that works is never slowed while one address
 * probing for secrets or flooding junk gets 429 for the rest of its minute. The address is the TCP peer unless it is a trusted proxy (TRUST_PROXY, see
 * docs/security.md); IPv6 addresses count per /56, as express-rate-limit counted them.
 *
 * Only refusals are written down, so an accepted webhook costs one map look-up (this replaced
 * express-rate-limit, which counted every request and took it back after a success: ~4 % of the
 * server's CPU per ingested webhook).
 */
export function refusalLimiter(perMinute: number, now: () => number = Date.now): RequestHandler {
  const windows = new Map<string, { refused: number; resetAt: number }>();
  const policy = `"refusals"; q=${perMinute}; w=${WINDOW_MS / 1000}`;
  const refused = (key: string) => {
    const t = now();
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      if (!w && windows.size >= SWEEP_AT) for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
      windows.set(key, (w = { refused: 0, resetAt: t + WINDOW_MS }));
    }
    w.refused++;
  };
  return (req, res, next) => {
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
}
