import type { ParsedWebhook } from '#server/domain/inbound';
import { ingestWebhook, type WebhookOutcome } from '#server/services/webhookIngest';
import { HttpError } from '#server/errors';
import type { Config } from '#server/config';
import type { ChannelHost, WebhookRequest, WebhookRoute } from '#server/channels/types';

/**
 * Small pieces the provider webhooks share: body decoding, throttled refusal logging, and handing
 * a parsed delivery to the ingest service. The mounting itself is in channels/webhooks.ts.
 */

/** Form fields as providers post them; a repeated name becomes an array (as Twilio signs them). */
export type FormParams = Record<string, string | string[]>;

/** Parse a JSON body; malformed bytes are the sender's fault (400), never a crash. */
export function jsonOf(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed JSON body');
  }
}

/** Decode an application/x-www-form-urlencoded body; repeated names become arrays (as Twilio signs them). */
export function formOf(raw: Buffer): FormParams {
  const out: FormParams = Object.create(null) as FormParams;
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

// At most one refusal line per provider per window, so a flood of forged requests cannot flood the log.
const LOG_WINDOW_MS = 10_000;
const lastLogged = new Map<string, { at: number; suppressed: number }>();

/** Log (throttled) a refused webhook (bad or missing signature); nothing has been stored. */
export function logRefusal(provider: string, what: string, from: string, status: number, reason: string): void {
  const now = Date.now();
  const seen = lastLogged.get(provider);
  if (seen && now - seen.at < LOG_WINDOW_MS) {
    seen.suppressed++;
    return;
  }
  const more = seen?.suppressed ? ` (+${seen.suppressed} more refused in the last ${LOG_WINDOW_MS / 1000}s)` : '';
  console.warn(`[webhooks] ${provider}: refused ${what} from ${from} (${status}): ${reason}${more}`);
  lastLogged.set(provider, { at: now, suppressed: 0 });
}

/**
 * Hand a verified, parsed delivery to the ingest service. When the delivery carried messages and
 * none of them could be stored (unusable sender addresses) it is a 400; otherwise the caller
 * answers 2xx — everything is committed by the time this returns.
 */
export function storeParsed(host: ChannelHost, provider: string, parsed: ParsedWebhook): WebhookOutcome {
  const outcome = ingestWebhook(host.deps, parsed, host.ingestHooks);
  if (outcome.rejected.length > 0) {
    console.warn(
      `[webhooks] ${provider}: skipped ${outcome.rejected.length} message(s): ${outcome.rejected.join('; ').slice(0, 500)}`,
    );
    const nothingKept = outcome.stored + outcome.duplicates === 0 && parsed.statuses.length === 0;
    if (nothingKept) throw new HttpError(400, 'unusable sender address');
  }
  return outcome;
}

/** Require a JSON object body (not an array or a scalar) or answer 400 with `what` it should have been. */
export function jsonObjectOf(raw: Buffer, what: string): Record<string, unknown> {
  const json = jsonOf(raw);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new HttpError(400, `not a ${what}`);
  return json as Record<string, unknown>;
}

/**
 * The usual provider check: a header must be present (else 401) and valid for the raw request and
 * settings (else 403). `label` is how the header is named in the refusal. An empty header counts
 * as missing unless `emptyIsPresent` (Telegram's secret header: empty is a wrong secret, 403).
 */
export function requireHeader(
  name: string,
  label: string,
  valid: (value: string, req: WebhookRequest, config: Config) => boolean,
  emptyIsPresent = false,
): WebhookRoute['verify'] {
  return (req, config) => {
    const value = req.header(name);
    if (value === undefined || (value === '' && !emptyIsPresent)) return { status: 401, reason: `missing ${label}` };
    return valid(value, req, config) ? null : { status: 403, reason: `invalid ${label}` };
  };
}

/** The one signed POST to the webhook's root that most providers send. */
export function rootPost(route: Omit<WebhookRoute, 'method' | 'path'>): WebhookRoute {
  return { method: 'POST', path: '/', ...route };
}
