import { Agent, request } from 'node:http';

/** The answer to one bounded request: status 0 and timedOut when the bound was hit. */
export interface Answer {
  status: number;
  ms: number;
  body: string;
  timedOut: boolean;
  /** Set-Cookie values of the answer (login reads its session cookie from here). */
  cookies: string[];
}

/** Keep-alive connection pool for a load generator (one socket per concurrent sender). */
export function keepAlive(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

const shared = keepAlive(64);

/** One HTTP request on loopback with a hard time bound; never throws (errors are status 0). */
export function send(
  url: string,
  opts: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    timeoutMs?: number;
    agent?: Agent;
  } = {},
): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    let done = false;
    let cookies: string[] = [];
    const finish = (status: number, body: string, timedOut = false) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ status, ms: performance.now() - t0, body, timedOut, cookies });
    };
    const req = request(
      url,
      { method: opts.method ?? 'GET', headers: opts.headers, agent: opts.agent ?? shared },
      (res) => {
        cookies = res.headers['set-cookie'] ?? [];
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString()));
        res.on('error', () => finish(0, ''));
      },
    );
    const timer = setTimeout(() => {
      finish(0, '', true);
      req.destroy();
    }, opts.timeoutMs ?? 30_000);
    req.on('error', () => finish(0, ''));
    req.end(opts.body);
  });
}

/** A logged-in Braid user over real HTTP: session cookie + CSRF header. */
export interface Session {
  url: string;
  cookie: string;
  csrf: string;
  agentId: number;
  get(path: string, timeoutMs?: number): Promise<Answer>;
  post(path: string, body: unknown, method?: string): Promise<Answer>;
}

/** Log in through Braid's login route (throws when refused: the bench cannot go on without it). */
export async function login(url: string, email: string, password: string): Promise<Session> {
  const res = await send(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status} ${res.body.slice(0, 200)}`);
  const me = JSON.parse(res.body) as { csrfToken: string; agent: { id: number } };
  return session(url, (res.cookies[0] ?? '').split(';')[0], me.csrfToken, me.agent.id);
}

/** Build a Session from a cookie and CSRF token (used after login, or for sessions the bench wrote). */
export function session(url: string, cookie: string, csrf: string, agentId: number): Session {
  return {
    url,
    cookie,
    csrf,
    agentId,
    get: (path, timeoutMs) => send(`${url}${path}`, { headers: { cookie }, timeoutMs }),
    post: (path, body, method = 'POST') =>
      send(`${url}${path}`, {
        method,
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}
