import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature header value of one webhook delivery: `t=<unix seconds>,v1=<hex>` where the hex is
 * HMAC-SHA256 over `"<t>.<raw body>"` with the endpoint's secret. The timestamp is signed so a
 * receiver can refuse replays older than a few minutes.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** Whether a signature header matches the body and is at most `toleranceS` seconds old (for receivers and tests). */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceS = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceS || typeof parts.v1 !== 'string') return false;
  const want = Buffer.from(signWebhook(secret, body, t).split('v1=')[1], 'hex');
  const got = Buffer.from(parts.v1, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
