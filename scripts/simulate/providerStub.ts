import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Stats } from './stats';
import { metaDelivery, post, twilioDelivery, type Delivery } from './webhooks';

/** How the stand-in behaves. */
export interface StubOptions {
  port: number;
  braidUrl: string;
  env: Record<string, string>;
  failRate: number;
  rng: () => number;
  stats: Stats;
}

const hex = (n: number) => randomBytes(n).toString('hex');
type Answer = { status: number; json: unknown; headers?: Record<string, string>; after?: Delivery[] };

/**
 * A local stand-in for the providers' send APIs (Twilio Messages, Graph API, Telegram Bot API,
 * LINE push). It accepts Braid's replies like the real services do — occasionally with a transient
 * 5xx so the outbox retries — and sends the delivery-status callbacks back, signed, sometimes out of order.
 */
export function startProviderStub(o: StubOptions): Promise<{ server: Server; close(): Promise<void> }> {
  const acceptedLineKeys = new Map<string, string>();
  const pending = new Set<NodeJS.Timeout>();
  let tgMessageId = 1;

  const later = (deliveries: Delivery[], label: string) => {
    deliveries.forEach((d, i) => {
      const t = setTimeout(
        async () => {
          pending.delete(t);
          o.stats.answer(`status-cb/${label}`, await post(o.braidUrl, d));
        },
        400 + i * 900 + Math.floor(o.rng() * 300),
      );
      pending.add(t);
    });
  };
  const maybeSwap = <T>(list: T[]): T[] =>
    list.length > 1 && o.rng() < 0.15 ? [list[1], list[0], ...list.slice(2)] : list;

  const twilio = (form: URLSearchParams): Answer => {
    const sid = `SM${hex(16)}`;
    const to = form.get('To') ?? '';
    const callback = form.get('StatusCallback');
    if (callback) {
      const path = new URL(callback).pathname;
      const failed = o.rng() < 0.05;
      const seq = failed
        ? ['sent', 'undelivered']
        : to.startsWith('whatsapp:')
          ? ['sent', 'delivered', 'read']
          : ['sent', 'delivered'];
      const deliveries = maybeSwap(seq).map((s) =>
        twilioDelivery(o.env, path, {
          AccountSid: o.env.TWILIO_ACCOUNT_SID,
          MessageSid: sid,
          SmsSid: sid,
          MessageStatus: s,
          SmsStatus: s,
          To: to,
          From: form.get('From') ?? '',
          ApiVersion: '2010-04-01',
          ...(s === 'undelivered' ? { ErrorCode: '30003' } : {}),
        }),
      );
      later(deliveries, 'twilio');
    }
    return {
      status: 201,
      json: {
        sid,
        status: 'queued',
        to,
        from: form.get('From'),
        body: form.get('Body'),
        account_sid: o.env.TWILIO_ACCOUNT_SID,
      },
    };
  };

  const graph = (node: string, body: Record<string, unknown>): Answer => {
    if (body.messaging_product === 'whatsapp') {
      const id = `wamid.SIM${hex(12)}`;
      const statuses = maybeSwap(['sent', 'delivered', 'read']).map((s, i) => ({
        id,
        status: s,
        timestamp: String(Math.floor(Date.now() / 1000) + i),
        recipient_id: String(body.to ?? body.recipient),
      }));
      const wrap = (s: unknown) => ({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '1',
            changes: [
              {
                field: 'messages',
                value: { messaging_product: 'whatsapp', metadata: { phone_number_id: node }, statuses: [s] },
              },
            ],
          },
        ],
      });
      later(
        statuses.map((s) => metaDelivery(o.env, wrap(s))),
        'whatsapp',
      );
      return {
        status: 200,
        json: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] },
      };
    }
    const mid = `m_SIM${hex(12)}`;
    const user = String((body.recipient as { id?: string } | undefined)?.id ?? '');
    const instagram = node === 'me';
    const page = instagram ? '17841405822304914' : node;
    const event = instagram ? { read: { mid } } : { delivery: { mids: [mid], watermark: Date.now() } };
    const payload = {
      object: instagram ? 'instagram' : 'page',
      entry: [
        {
          id: page,
          time: Date.now(),
          messaging: [{ sender: { id: user }, recipient: { id: page }, timestamp: Date.now(), ...event }],
        },
      ],
    };
    later([metaDelivery(o.env, payload)], instagram ? 'instagram' : 'messenger');
    return { status: 200, json: { recipient_id: user, message_id: mid } };
  };

  const line = (req: IncomingMessage): Answer => {
    const key = String(req.headers['x-line-retry-key'] ?? '');
    const accepted = acceptedLineKeys.get(key);
    if (accepted)
      return {
        status: 409,
        json: { message: 'The retry key is already accepted' },
        headers: { 'x-line-accepted-request-id': accepted },
      };
    const requestId = crypto.randomUUID();
    if (key) acceptedLineKeys.set(key, requestId);
    return {
      status: 200,
      json: { sentMessages: [{ id: String(500_000_000_000 + Math.floor(o.rng() * 1e11)), quoteToken: hex(8) }] },
      headers: { 'x-line-request-id': requestId },
    };
  };

  const route = (req: IncomingMessage, raw: string): Answer & { provider: string } => {
    const path = (req.url ?? '').split('?')[0];
    let m: RegExpMatchArray | null;
    if (/^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(path))
      return { provider: 'twilio', ...twilio(new URLSearchParams(raw)) };
    if ((m = path.match(/^\/v\d+\.\d+\/([^/]+)\/messages$/)))
      return { provider: 'graph', ...graph(decodeURIComponent(m[1]), JSON.parse(raw || '{}')) };
    if (/^\/bot[^/]+\/sendMessage$/.test(path)) {
      const chat = (JSON.parse(raw || '{}') as { chat_id?: string }).chat_id;
      return {
        provider: 'telegram',
        status: 200,
        json: {
          ok: true,
          result: {
            message_id: 100_000 + tgMessageId++,
            chat: { id: Number(chat) },
            date: Math.floor(Date.now() / 1000),
          },
        },
      };
    }
    if (path === '/v2/bot/message/push') return { provider: 'line', ...line(req) };
    return { provider: 'unknown', status: 404, json: { error: 'not a provider API the simulator knows' } };
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let answer: Answer & { provider: string };
      try {
        if (o.rng() < o.failRate)
          answer = {
            provider: 'injected',
            status: 503,
            json: {
              code: 20503,
              message: 'simulated outage, retry later',
              error: { message: 'simulated outage', code: 2, is_transient: true },
            },
          };
        else answer = route(req, Buffer.concat(chunks).toString('utf8'));
      } catch {
        answer = { provider: 'bad-request', status: 400, json: { error: 'malformed request' } };
      }
      o.stats.add(`replies ${answer.provider}:${answer.status}`);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
      res.end(JSON.stringify(answer.json));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, '127.0.0.1', () =>
      resolve({
        server,
        close: () =>
          new Promise<void>((r) => {
            pending.forEach(clearTimeout);
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}
