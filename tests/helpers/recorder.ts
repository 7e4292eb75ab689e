import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a provider stand-in received. */
export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** How the stand-in answers: status, JSON body and headers (default 200 {}). */
export type Responder = (call: RecordedCall) => { status?: number; json?: unknown; headers?: Record<string, string> };

/** A real local HTTP server that records every call, standing in for a provider API. */
export interface Recorder {
  url: string;
  calls: RecordedCall[];
  /** Change how it answers from now on. */
  respond(fn: Responder): void;
  /** Resolve when at least n calls have been received. */
  waitForCalls(n: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

/** Start a recorder on 127.0.0.1 with an ephemeral port. */
export async function startRecorder(initial: Responder = () => ({ status: 200, json: {} })): Promise<Recorder> {
  let responder = initial;
  const calls: RecordedCall[] = [];
  const waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call: RecordedCall = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      calls.push(call);
      const r = responder(call);
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...(r.headers ?? {}) });
      res.end(JSON.stringify(r.json ?? {}));
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    respond: (fn) => {
      responder = fn;
    },
    waitForCalls(n, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`expected ${n} calls, got ${calls.length}`)), timeoutMs);
        const check = () => {
          if (calls.length >= n) {
            clearTimeout(deadline);
            resolve(calls.slice());
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Env that lets outbound calls reach stand-ins on 127.0.0.1. Outbound calls refuse non-public
 * addresses by default, so every test that points a provider or callback at a recorder says so.
 */
export const ALLOW_LOOPBACK_OUTBOUND = { OUTBOUND_ALLOW_PRIVATE: '127.0.0.1' } as const;
