import type { IncomingHttpHeaders } from 'node:http';

/**
 * True when a browser request comes from our own origin (or is not a browser request at
 * all). Guards cookie-authenticated sockets and mutations against cross-site use.
 */
export function sameOrigin(headers: IncomingHttpHeaders, publicUrl?: string): boolean {
  const origin = headers.origin;
  if (!origin) return true; // non-browser clients send no Origin; they carry no ambient cookie risk
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (publicUrl) {
    try {
      if (new URL(publicUrl).host === host) return true;
    } catch {
      /* fall through to the Host header */
    }
  }
  return host === headers.host || host === headers['x-forwarded-host'];
}
