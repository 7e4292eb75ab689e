import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

/**
 * A per-address limit on *refused* requests to a public endpoint (provider webhooks, the API
 * channel): bad signatures, unknown keys and malformed bodies count, successful deliveries never
 * do, so a provider or integration that works is never slowed while one address probing for
 * secrets or flooding junk gets 429 for the rest of the minute. The address is the TCP peer unless
 * it is a trusted proxy (TRUST_PROXY, see docs/security.md).
 */
export function refusalLimiter(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode < 400,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Forwarded headers are deliberately ignored unless TRUST_PROXY lists the peer.
    validate: { xForwardedForHeader: false },
    handler: (_req, res) => {
      res
        .status(429)
        .json({ error: 'too many refused requests from this address; try again in a minute', code: 'rate_limited' });
    },
  });
}
