import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';
import { TEST_PASSWORD } from './app';

/** A logged-in agent talking real HTTP (cookie + CSRF header) to a running Braid. */
export interface AgentClient {
  cookie: string;
  csrf: string;
  agentId: number;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown): Promise<Response>;
  patch(path: string, body?: unknown): Promise<Response>;
  put(path: string, body?: unknown): Promise<Response>;
  del(path: string): Promise<Response>;
  /** Open a real Socket.IO connection with this agent's session cookie. */
  socket(): Promise<Socket<ServerToClientEvents, ClientToServerEvents>>;
}

/** Log in through the real login route. */
export async function login(url: string, email: string, password = TEST_PASSWORD): Promise<AgentClient> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const me = (await res.json()) as { csrfToken: string; agent: { id: number } };
  const call = (method: string) => (path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    cookie,
    csrf: me.csrfToken,
    agentId: me.agent.id,
    get: (p) => fetch(`${url}${p}`, { headers: { cookie } }),
    post: call('POST'),
    patch: call('PATCH'),
    put: call('PUT'),
    del: (p) => call('DELETE')(p),
    socket: () => connectSocket(url, cookie),
  };
}

/** Connect a typed Socket.IO client with a cookie; rejects when the server refuses it. */
export function connectSocket(
  url: string,
  cookie?: string,
): Promise<Socket<ServerToClientEvents, ClientToServerEvents>> {
  const s: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', (err) => {
      s.close();
      reject(err);
    });
  });
}

/** Wait for one socket event matching a predicate (fails after a timeout). */
export function nextEvent<K extends keyof ServerToClientEvents>(
  s: Socket<ServerToClientEvents, ClientToServerEvents>,
  name: K,
  match: (payload: Parameters<ServerToClientEvents[K]>[0]) => boolean = () => true,
  timeoutMs = 3_000,
): Promise<Parameters<ServerToClientEvents[K]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(name, handler as never);
      reject(new Error(`timed out waiting for ${String(name)}`));
    }, timeoutMs);
    const handler = (payload: Parameters<ServerToClientEvents[K]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      s.off(name, handler as never);
      resolve(payload);
    };
    s.on(name, handler as never);
  });
}

/** Create an API key as admin and return its secret. */
export async function createApiKey(
  admin: AgentClient,
  callbackUrl: string | null = null,
): Promise<{ id: number; secret: string }> {
  const res = await admin.post('/api/api-keys', { name: 'test integration', callbackUrl });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { key: { id: number }; secret: string };
  return { id: body.key.id, secret: body.secret };
}

/** Post a message to the API channel. */
export function postApiMessage(url: string, secret: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/channels/api/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
