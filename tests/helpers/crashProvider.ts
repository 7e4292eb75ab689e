import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** One message the stand-in accepted (it counts as sent even if Braid never saw the answer). */
export interface AcceptedMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  createdAt: number;
}

/**
 * A Twilio Messages API stand-in for crash probes: POST …/Messages.json accepts a message; while
 * `hold` is on it never answers (the call stays in flight until the caller dies). GET …/Messages.json
 * lists accepted messages filtered by To/From, like Twilio's message list.
 */
export interface CrashProvider {
  url: string;
  accepted: AcceptedMessage[];
  /** Requests received, including ones "lost" before the provider acted on them. */
  received: number;
  hold: boolean;
  /** While holding: which requests never reach the provider (not accepted, never answered). */
  lose: (body: string) => boolean;
  /** Resolve when at least n send requests arrived. */
  waitForReceived(n: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const asTwilio = (m: AcceptedMessage) => ({
  sid: m.sid,
  to: m.to,
  from: m.from,
  body: m.body,
  status: 'sent',
  date_created: new Date(m.createdAt).toUTCString(),
});

/** Start the stand-in on 127.0.0.1. */
export async function startCrashProvider(): Promise<CrashProvider> {
  const accepted: AcceptedMessage[] = [];
  const held: ServerResponse[] = [];
  const self = { hold: true, received: 0, lose: (_body: string) => false };
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body = await readBody(req);
      if (!url.pathname.endsWith('/Messages.json')) return res.writeHead(404).end('{}');
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (req.method === 'GET') {
        const to = url.searchParams.get('To');
        const from = url.searchParams.get('From');
        const list = accepted.filter((m) => (!to || m.to === to) && (!from || m.from === from));
        return json(200, { messages: list.map(asTwilio), next_page_uri: null });
      }
      const form = new URLSearchParams(body);
      self.received++;
      if (self.hold && self.lose(form.get('Body') ?? '')) return void held.push(res);
      const m: AcceptedMessage = {
        sid: `SM${String(accepted.length + 1).padStart(32, '0')}`,
        to: form.get('To') ?? '',
        from: form.get('From') ?? '',
        body: form.get('Body') ?? '',
        createdAt: Date.now(),
      };
      accepted.push(m);
      if (self.hold) held.push(res);
      else json(201, asTwilio(m));
    })();
  });
  return listenHolding(server, accepted, held, self);
}

/** What a crash stand-in's request handler shares with its handle: whether it holds, what it loses. */
export interface HoldState {
  hold: boolean;
  received: number;
  lose: (body: string) => boolean;
}

/** Listen on 127.0.0.1 and hand out the stand-in's handle (hold, lose, wait, close) over its state. */
export async function listenHolding<A>(server: Server, accepted: A[], held: ServerResponse[], self: HoldState) {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    get received() {
      return self.received;
    },
    get lose() {
      return self.lose;
    },
    set lose(fn: (body: string) => boolean) {
      self.lose = fn;
    },
    get hold() {
      return self.hold;
    },
    set hold(v: boolean) {
      self.hold = v;
    },
    async waitForReceived(n: number, timeoutMs: number) {
      const end = Date.now() + timeoutMs;
      while (self.received < n) {
        if (Date.now() > end) throw new Error(`provider received ${self.received} of ${n}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        held.splice(0).forEach((r) => r.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
