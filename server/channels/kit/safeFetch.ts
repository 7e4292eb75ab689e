import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { FetchTooLargeError, SafeFetchError, UnsafeUrlError, errorMessage } from '#server/errors';
import { isPublicAddress } from './ipGuard';

/**
 * SSRF-safe HTTP client for every outbound call Braid makes: provider media URLs from webhook
 * payloads (GET), provider APIs and API-key callbacks (POST, through guardedFetch.ts).
 *
 * Every hop: http/https only → resolve with dns.lookup({ all: true }) → refuse if ANY address is
 * not public → connect to the vetted address only (custom `lookup`, so a second DNS answer cannot
 * rebind the connection to an internal IP) → follow redirects manually, re-vetting each target and
 * dropping credentials when the origin changes → stop reading once the body exceeds maxBytes.
 */

/** Options for one safeFetch call. */
export interface SafeFetchOptions {
  maxBytes: number;
  /** Deadline for the whole fetch, all redirects and the body included. */
  timeoutMs: number;
  /** Redirects to follow (default 3). */
  maxRedirects?: number;
  /** Test hook: hosts for which the address check is skipped (e.g. a loopback test server). */
  allowHosts?: (host: string) => boolean;
  /** Non-public addresses an operator explicitly allowed (OUTBOUND_ALLOW_PRIVATE). */
  allowAddress?: (address: string) => boolean;
  headers?: Record<string, string>;
  /** GET (default) follows redirects, re-vetting each hop; any other method returns a 3xx as the answer. */
  method?: string;
  body?: string | Buffer;
}

/** What safeFetch returns: the final response, fully buffered. */
export interface SafeFetchResult {
  status: number;
  contentType: string | null;
  body: Buffer;
  headers: http.IncomingHttpHeaders;
  /** The URL of the last hop, after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/** The vetted address a connection is pinned to. */
export interface Pinned {
  address: string;
  family: 4 | 6;
}

/**
 * Check a URL before connecting: http(s) only, no credentials, and every address the host resolves
 * to must be public (or explicitly allowed). Returns the one address the connection is pinned to.
 */
export async function vet(
  url: URL,
  allowHosts?: SafeFetchOptions['allowHosts'],
  allowAddress?: SafeFetchOptions['allowAddress'],
): Promise<Pinned> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UnsafeUrlError(`scheme ${url.protocol} is not allowed`);
  if (url.username || url.password) throw new UnsafeUrlError('credentials in the URL are not allowed');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  let addresses: { address: string; family: number }[];
  if (literal) addresses = [{ address: host, family: literal }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (err) {
      throw new SafeFetchError(`cannot resolve ${host}: ${errorMessage(err)}`);
    }
  }
  if (addresses.length === 0) throw new SafeFetchError(`cannot resolve ${host}`);
  if (allowHosts?.(host) !== true) {
    const bad = addresses.find((a) => !isPublicAddress(a.address) && allowAddress?.(a.address) !== true);
    if (bad) throw new UnsafeUrlError(`${host} resolves to non-public address ${bad.address}`);
  }
  const first = addresses[0];
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A lookup that ignores DNS and always answers with the address vetted above. */
function pinnedLookup(pin: Pinned): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pin.address, family: pin.family }]);
    else callback(null, pin.address, pin.family);
  }) as unknown as LookupFunction;
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

function requestOnce(
  url: URL,
  pin: Pinned,
  headers: Record<string, string>,
  opts: SafeFetchOptions,
  signal: AbortSignal,
): Promise<Hop> {
  const client = url.protocol === 'https:' ? https : http;
  const method = opts.method ?? 'GET';
  const maxBytes = opts.maxBytes;
  return new Promise<Hop>((resolve, reject) => {
    const req = client.request(url, { method, headers, signal, agent: false, lookup: pinnedLookup(pin) }, (res) => {
      const status = res.statusCode ?? 0;
      if (method === 'GET' && REDIRECTS.has(status) && res.headers.location) {
        res.resume();
        resolve({ status, headers: res.headers, body: null });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        req.destroy();
        reject(new FetchTooLargeError(`declared ${declared} bytes > limit ${maxBytes}`));
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) {
          req.destroy();
          reject(new FetchTooLargeError(`body exceeds limit ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/**
 * Fetches a URL from an untrusted payload with SSRF protection, a byte cap and a deadline.
 * Throws UnsafeUrlError, FetchTooLargeError, or SafeFetchError (timeout, DNS, too many redirects).
 */
export async function safeFetch(rawUrl: string, opts: SafeFetchOptions): Promise<SafeFetchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const timedOut = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () =>
      reject(new SafeFetchError(`timed out after ${opts.timeoutMs} ms`)),
    ),
  );
  timedOut.catch(() => undefined);
  try {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new UnsafeUrlError('not a valid URL');
    }
    let headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const maxRedirects = opts.maxRedirects ?? 3;
    for (let hop = 0; ; hop++) {
      const pin = await Promise.race([vet(url, opts.allowHosts, opts.allowAddress), timedOut]);
      const res = await Promise.race([requestOnce(url, pin, headers, opts, controller.signal), timedOut]);
      if (res.body !== null) {
        const type = res.headers['content-type'];
        return {
          status: res.status,
          contentType: type ?? null,
          body: res.body,
          headers: res.headers,
          url: url.toString(),
        };
      }
      if (hop >= maxRedirects) throw new SafeFetchError(`more than ${maxRedirects} redirects`);
      let next: URL;
      try {
        next = new URL(String(res.headers.location), url);
      } catch {
        throw new UnsafeUrlError('redirect to an invalid URL');
      }
      if (next.origin !== url.origin) {
        headers = Object.fromEntries(
          Object.entries(headers).filter(([k]) => !CREDENTIAL_HEADERS.includes(k.toLowerCase())),
        );
      }
      url = next;
    }
  } catch (err) {
    if (controller.signal.aborted && !(err instanceof SafeFetchError))
      throw new SafeFetchError(`timed out after ${opts.timeoutMs} ms`);
    throw err;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
