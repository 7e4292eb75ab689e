import type { OutboundRequest } from './fields';
import type { ChannelContext, SendResult } from '#server/channels/types';

/** Classifies a provider's answer (status, parsed JSON or null, response headers) as a send result. */
export type ResponseClassifier = (status: number, json: unknown, headers: Record<string, string>) => SendResult;

const SEND_TIMEOUT_MS = 15_000;

/**
 * Perform a request a provider module built, through the guarded fetch (tests point base URLs at a
 * recorder on an explicitly allowed loopback address), and classify the answer. Network errors and timeouts are retryable. Error texts never
 * include the URL, because some providers (Telegram) put the token in it.
 */
export async function sendProviderRequest(
  ctx: ChannelContext,
  req: OutboundRequest,
  classify: ResponseClassifier,
): Promise<SendResult> {
  let res: Response;
  try {
    res = await ctx.fetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      timeoutMs: SEND_TIMEOUT_MS,
    });
  } catch {
    // One text for every network failure (refused address, closed port, timeout): see guardedFetch.
    return { ok: false, retryable: true, error: 'provider unreachable' };
  }
  const text = await res.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((value, key) => {
    headers[key] = value;
  });
  return classify(res.status, json, headers);
}
