import type { Config } from '#server/config';
import type { OutboundFetch } from '#server/services/outboundFetch';
import { privateAllowList } from './ipGuard';
import { safeFetch, vet } from './safeFetch';
import { errorMessage } from '#server/errors';

/**
 * The single error every refused or failed outbound connection becomes. The reason (a refused
 * address, a closed port, a timeout, DNS) is logged for operators but never shown, so the delivery
 * error an agent reads cannot be used to scan the network behind Braid.
 */
export class OutboundUnreachable extends Error {
  constructor() {
    super('could not reach the remote service');
    this.name = 'OutboundUnreachable';
  }
}

/** Largest provider or callback answer Braid reads. */
const MAX_ANSWER_BYTES = 1024 * 1024;
const NO_BODY = new Set([101, 204, 205, 304]);

/** The address predicate for OUTBOUND_ALLOW_PRIVATE (undefined when nothing private is allowed). */
export function allowedPrivate(config: Pick<Config, 'OUTBOUND_ALLOW_PRIVATE'>): ((ip: string) => boolean) | undefined {
  return privateAllowList(config.OUTBOUND_ALLOW_PRIVATE) ?? undefined;
}

/**
 * Build the guarded fetch all provider APIs and callbacks go through: http(s) only, every
 * connection pinned to an address checked to be public (or explicitly allowed), no redirects for
 * POSTs, a size cap and a deadline; any failure is the one OutboundUnreachable.
 */
export function createGuardedFetch(config: Pick<Config, 'OUTBOUND_ALLOW_PRIVATE'>): OutboundFetch {
  const allowAddress = allowedPrivate(config);
  return async (url, init) => {
    try {
      const res = await safeFetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body,
        timeoutMs: init.timeoutMs,
        maxBytes: MAX_ANSWER_BYTES,
        allowAddress,
      });
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      }
      const status = res.status >= 200 && res.status <= 599 ? res.status : 502;
      return new Response(NO_BODY.has(status) ? null : new Uint8Array(res.body), { status, headers });
    } catch (err) {
      const host = URL.canParse(url) ? new URL(url).host : '(invalid URL)';
      console.warn(`[outbound] ${init.method} to ${host} failed: ${errorMessage(err)}`);
      throw new OutboundUnreachable();
    }
  };
}

/**
 * Why a URL an admin enters (an API key's callback) may not be called, or null when it may:
 * checked at creation so a bad target is refused at once; the guarded fetch checks again on
 * every connection because DNS answers change.
 */
export async function outboundUrlProblem(
  raw: string,
  config: Pick<Config, 'OUTBOUND_ALLOW_PRIVATE'>,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  try {
    await vet(url, undefined, allowedPrivate(config));
    return null;
  } catch {
    return 'must be an http(s) URL of a public host (see OUTBOUND_ALLOW_PRIVATE for on-premises targets)';
  }
}
