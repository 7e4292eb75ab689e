import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenHolding } from './crashProvider';

/** One WhatsApp message the stand-in accepted (it counts as sent even if Braid never saw the answer). */
export interface AcceptedWhatsApp {
  wamid: string;
  to: string;
  body: string;
  /** biz_opaque_callback_data of the send, echoed on its status webhooks. */
  tag: string | null;
}

/**
 * A WhatsApp Cloud API stand-in for crash probes: POST /{version}/{phone-number-id}/messages accepts a
 * text; while `hold` is on it never answers (the call stays in flight until the caller dies), and
 * requests `lose` picks never reach "Meta" at all. Meta has no message lookup, so there is no GET.
 */
export interface MetaCrashProvider {
  url: string;
  accepted: AcceptedWhatsApp[];
  received: number;
  hold: boolean;
  lose: (body: string) => boolean;
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

/** Start the stand-in on 127.0.0.1. */
export async function startMetaCrashProvider(): Promise<MetaCrashProvider> {
  const accepted: AcceptedWhatsApp[] = [];
  const held: ServerResponse[] = [];
  const self = { hold: true, received: 0, lose: (_body: string) => false };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      if (req.method !== 'POST' || !req.url?.endsWith('/messages')) return res.writeHead(404).end('{}');
      const send = JSON.parse(raw) as { to?: string; text?: { body?: string }; biz_opaque_callback_data?: string };
      const body = send.text?.body ?? '';
      self.received++;
      if (self.hold && self.lose(body)) return void held.push(res);
      const m: AcceptedWhatsApp = {
        wamid: `wamid.HBgM${String(accepted.length + 1).padStart(20, '0')}`,
        to: send.to ?? '',
        body,
        tag: send.biz_opaque_callback_data ?? null,
      };
      accepted.push(m);
      if (self.hold) return void held.push(res);
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          contacts: [{ input: m.to, wa_id: m.to }],
          messages: [{ id: m.wamid }],
        }),
      );
    })();
  });
  return listenHolding(server, accepted, held, self);
}
