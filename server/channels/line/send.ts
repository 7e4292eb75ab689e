import { arr, rec, str, trimBase, type OutboundRequest } from '#server/channels/kit/fields';
import { outboundText, refuseSend } from '#server/channels/kit/replyFacts';
import { sendProviderRequest } from '#server/channels/kit/sendHttp';
import type { ChannelContext, OutboundJob, SendResult } from '#server/channels/types';
import { DELIVERY_SECRET_KEY, ensureSecret, stableUuid } from '#server/services/secrets';

/**
 * LINE push messages. Each outbox row gets one X-Line-Retry-Key, derived from an installation
 * secret and the row id, so every retry of the same reply carries the same key and LINE executes
 * the push at most once (a 409 then means "already sent").
 */
export function sendLine(job: OutboundJob, ctx: ChannelContext): Promise<SendResult> {
  const token = ctx.config.LINE_CHANNEL_ACCESS_TOKEN;
  if (!token) return Promise.resolve(refuseSend('LINE is not configured (LINE_CHANNEL_ACCESS_TOKEN)'));
  const retryKey = stableUuid(ensureSecret(ctx.db, DELIVERY_SECRET_KEY), `line-push:${job.outboxId}`);
  const req = buildLineSend(
    { apiBase: ctx.config.LINE_API_BASE, accessToken: token },
    { to: job.identity.address, text: outboundText(job), retryKey },
  );
  return sendProviderRequest(ctx, req, parseLineSendResponse);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Builds POST {apiBase}/v2/bot/message/push with the X-Line-Retry-Key header. The outbox must
 * persist one retryKey per outbound message and reuse it on every retry, so LINE executes the push
 * at most once. Throws when the key is not a UUID (LINE rejects those with 400).
 */
export function buildLineSend(
  cfg: { apiBase: string; accessToken: string },
  msg: { to: string; text: string; retryKey: string },
): OutboundRequest {
  if (!UUID.test(msg.retryKey)) throw new Error('LINE retryKey must be a UUID');
  return {
    url: `${trimBase(cfg.apiBase)}/v2/bot/message/push`,
    method: 'POST',
    headers: {
      Authorization: `Bearer ${cfg.accessToken}`,
      'Content-Type': 'application/json',
      'X-Line-Retry-Key': msg.retryKey,
    },
    body: JSON.stringify({ to: msg.to, messages: [{ type: 'text', text: msg.text }] }),
  };
}

function header(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return str(Array.isArray(value) ? value[0] : value);
}

/**
 * Classifies a push answer. 200 → sentMessages[0].id. 409 means this retry key was already accepted
 * (an earlier attempt went through): success, id from sentMessages or x-line-accepted-request-id.
 * 5xx and rate-limit 429 are retryable; the monthly-quota 429 and other 4xx are permanent.
 */
export function parseLineSendResponse(
  status: number,
  json: unknown,
  headers?: Record<string, string | string[] | undefined>,
): SendResult {
  const body = rec(json) ?? {};
  const sentId = str(rec(arr(body.sentMessages)[0])?.id);
  if (status >= 200 && status < 300) {
    return sentId
      ? { ok: true, providerMessageId: sentId }
      : { ok: false, retryable: false, error: 'push accepted without a message id' };
  }
  if (status === 409) {
    const accepted = sentId ?? header(headers, 'x-line-accepted-request-id');
    if (accepted) return { ok: true, providerMessageId: sentId ?? `request:${accepted}` };
  }
  const message = str(body.message) ?? `HTTP ${status}`;
  const details = arr(body.details)
    .map((d) => [str(rec(d)?.property), str(rec(d)?.message)].filter(Boolean).join(': '))
    .filter(Boolean);
  const error = `${status}: ${message}${details.length ? ` (${details.join('; ')})` : ''}`;
  const monthlyQuota = status === 429 && /monthly limit/i.test(message);
  return { ok: false, retryable: status >= 500 || (status === 429 && !monthlyQuota), error };
}
