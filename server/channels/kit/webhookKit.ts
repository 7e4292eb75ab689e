import express, { type Request, type RequestHandler, type Response } from 'express';
import type { ParsedWebhook } from '#server/domain/inbound';
import type { TwilioParams } from '#server/channels/twilio/parse';
import { ingestWebhook, type WebhookOutcome } from '#server/services/webhookIngest';
import type { AppContext } from '#server/http/context';
import { HttpError } from '#server/errors';
import { sendError } from '#server/http/errors';

/**
 * Small pieces every provider webhook router shares: raw-body capture with a size limit, the
 * "channel off → 404" gate, refusal logging, body decoding, and handing a parsed delivery to the
 * ingest service. Routers stay: gate → raw bytes → verify → parse → service → answer.
 */

/** Capture the request body as raw bytes (any content type) so signatures are checked on them. */
export function rawBody(ctx: AppContext): RequestHandler {
  return express.raw({ type: () => true, limit: ctx.config.BODY_LIMIT });
}

/** Answer 404 JSON (before reading the body) when the channel's settings are absent. */
export function channelGate(name: string, isOn: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (isOn()) return next();
    sendError(res, 404, `the ${name} channel is not configured`, 'channel_not_configured');
  };
}

/** The raw bytes express.raw left on the request (empty when there was no body). */
export function bodyBytes(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

// At most one refusal line per provider per window, so a flood of forged requests cannot flood the log.
const LOG_WINDOW_MS = 10_000;
const lastLogged = new Map<string, { at: number; suppressed: number }>();

/** Log (throttled) and answer a refused webhook (bad or missing signature); nothing has been stored. */
export function refuse(req: Request, res: Response, provider: string, status: 401 | 403, reason: string): void {
  const now = Date.now();
  const seen = lastLogged.get(provider);
  if (seen && now - seen.at < LOG_WINDOW_MS) seen.suppressed++;
  else {
    const more = seen?.suppressed ? ` (+${seen.suppressed} more refused in the last ${LOG_WINDOW_MS / 1000}s)` : '';
    console.warn(
      `[webhooks] ${provider}: refused ${req.method} ${req.originalUrl.split('?')[0]} from ${req.ip ?? '?'} (${status}): ${reason}${more}`,
    );
    lastLogged.set(provider, { at: now, suppressed: 0 });
  }
  sendError(res, status, reason, status === 401 ? 'missing_signature' : 'invalid_signature');
}

/** Parse a JSON body; malformed bytes are the sender's fault (400), never a crash. */
export function jsonOf(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed JSON body');
  }
}

/** Decode an application/x-www-form-urlencoded body; repeated names become arrays (as Twilio signs them). */
export function formOf(raw: Buffer): TwilioParams {
  const out: TwilioParams = Object.create(null) as TwilioParams;
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

/**
 * Hand a verified, parsed delivery to the ingest service. When the delivery carried messages and
 * none of them could be stored (unusable sender addresses) it is a 400; otherwise the caller
 * answers 2xx — everything is committed by the time this returns.
 */
export function storeParsed(ctx: AppContext, provider: string, parsed: ParsedWebhook): WebhookOutcome {
  const outcome = ingestWebhook(ctx.deps, parsed, ctx.ingestHooks);
  if (outcome.rejected.length > 0) {
    console.warn(
      `[webhooks] ${provider}: skipped ${outcome.rejected.length} message(s): ${outcome.rejected.join('; ').slice(0, 500)}`,
    );
    const nothingKept = outcome.stored + outcome.duplicates === 0 && parsed.statuses.length === 0;
    if (nothingKept) throw new HttpError(400, 'unusable sender address');
  }
  return outcome;
}
