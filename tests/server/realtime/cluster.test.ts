// Two Braid nodes sharing one Redis (REDIS_URL): events, presence, viewing and rate limits hold across
// them. Needs the Redis every development and CI machine runs; fails (never skips) when it is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';
import type { PresenceLists } from '#shared/schemas/events';
import { ensureAdmin } from '#server/services/bootstrap';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { tempDb } from '#tests/helpers/db';
import { createApiKey, login, nextEvent, postApiMessage } from '#tests/helpers/client';
import { startBraid } from '#tests/helpers/crashChild';
import { eventually, keysUnder, redisForTest } from '#tests/helpers/redis';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let redis: Awaited<ReturnType<typeof redisForTest>>;
let a: TestApp;
let b: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
const sockets: AgentSocket[] = [];

const TTL_MS = 1_500;
const nodeEnv = () => ({
  REDIS_URL: redis.url,
  REDIS_PREFIX: redis.prefix,
  PRESENCE_TTL_MS: String(TTL_MS),
  PUBLIC_REFUSAL_LIMIT: '4',
  LOGIN_RATE_LIMIT: '3',
});

/** The nodes' clock: real time, held still by a test whose checks must not depend on how fast the machine is. */
let heldAt: number | null = null;
const clock = () => heldAt ?? Date.now();

/** Start a node over its own SQLite file seeded like the others (same agents, same ids). */
async function startNode(): Promise<TestApp> {
  const node = await startApp(nodeEnv(), { now: clock });
  const seeded = await seedPeople(node.db);
  people ??= seeded;
  expect(seeded).toEqual(people);
  return node;
}

async function socketOf(url: string, email: string): Promise<AgentSocket> {
  const s = await (await login(url, email)).socket();
  sockets.push(s);
  return s;
}

beforeAll(async () => {
  redis = await redisForTest();
  a = await startNode();
  b = await startNode();
  // Both nodes read the event stream before a test publishes on it.
  await eventually(
    'both nodes on the adapter',
    async () => (await a.braid.realtime.io.of('/').adapter.serverCount()) >= 2,
  );
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await a?.close();
  await b?.close();
  await redis?.cleanup();
});

const onlineIn = (lists: PresenceLists, id: number) => lists.online.includes(id);

describe('realtime across nodes (Socket.IO Redis streams adapter)', () => {
  it('an event published on node A reaches a socket connected to node B, once', async () => {
    const admin = await login(a.url, 'admin@test.local');
    const { secret } = await createApiKey(admin);
    const supOnB = await socketOf(b.url, 'supervisor@test.local');
    const seen: string[] = [];
    supOnB.on('message.created', (e) => seen.push(e.message.text ?? ''));
    const arrived = nextEvent(supOnB, 'message.created', (e) => e.message.text === 'hello from node A');
    const res = await postApiMessage(a.url, secret, {
      customer: { id: 'x-node' },
      message: { id: 'xn-1', text: 'hello from node A' },
    });
    expect(res.status).toBeLessThan(300);
    await arrived;
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.filter((t) => t === 'hello from node A')).toHaveLength(1);
  });
});

describe('presence across nodes', () => {
  it('an agent connected on A is online on B, their choice of away too, and offline on B once they leave A', async () => {
    const leadOnB = await socketOf(b.url, 'lead@test.local');
    const online = nextEvent(leadOnB, 'presence.changed', (l) => onlineIn(l, people.agentA));
    const agentOnA = await socketOf(a.url, 'agent.a@test.local');
    await online;
    expect(b.braid.realtime.presence.of(people.agentA)).toBe('online');
    expect(b.braid.realtime.presence.onlineAgentIds()).toContain(people.agentA);

    const away = nextEvent(leadOnB, 'presence.changed', (l) => l.away.includes(people.agentA));
    agentOnA.emit('presence.set', { presence: 'away' }, () => undefined);
    await away;
    expect(b.braid.realtime.presence.of(people.agentA)).toBe('away');

    const offline = nextEvent(leadOnB, 'presence.changed', (l) => l.offline.includes(people.agentA));
    agentOnA.close();
    await offline;
    expect(b.braid.realtime.presence.of(people.agentA)).toBe('offline');
  });

  it('a node killed without goodbye: its agents go offline on the others when its heartbeat expires', async () => {
    const t = tempDb();
    await ensureAdmin(t.db, 'admin@test.local', TEST_PASSWORD, Date.now());
    expect(await seedPeople(t.db)).toEqual(people);
    t.db.$client.close();
    const child = await startBraid(t.dir, { ...nodeEnv(), ADMIN_EMAIL: 'admin@test.local' });
    const gone = new Promise((r) => child.proc.once('exit', r));
    try {
      const leadOnB = await socketOf(b.url, 'lead@test.local');
      const online = nextEvent(leadOnB, 'presence.changed', (l) => onlineIn(l, people.agentA2));
      await socketOf(child.url, 'agent.a2@test.local');
      await online;
      const killedAt = Date.now();
      const offline = nextEvent(leadOnB, 'presence.changed', (l) => l.offline.includes(people.agentA2), 4 * TTL_MS);
      child.proc.kill('SIGKILL');
      await offline;
      // Not at once (nobody said goodbye), and within the heartbeat's lifetime plus one sync.
      expect(Date.now() - killedAt).toBeGreaterThan(TTL_MS / 3);
      expect(b.braid.realtime.presence.of(people.agentA2)).toBe('offline');
    } finally {
      child.proc.kill('SIGKILL');
      await gone;
      t.cleanup();
    }
  }, 60_000);
});

describe('rate limits across nodes', () => {
  it('refused requests from one address count on both nodes', async () => {
    const refuse = (app: TestApp, i: number) =>
      postApiMessage(app.url, `brd_guess${i}`, { customer: { id: 'c' }, message: { id: `g${i}`, text: 'x' } });
    expect((await refuse(a, 1)).status).toBe(401);
    expect((await refuse(b, 2)).status).toBe(401);
    expect((await refuse(a, 3)).status).toBe(401);
    expect((await refuse(b, 4)).status).toBe(401); // the 4th refusal of the minute, counted in Redis
    await eventually('A refuses the address', async () => (await refuse(a, 5)).status === 429);
    expect((await refuse(b, 6)).status).toBe(429);
  });

  it('failed logins on A hold back the same account and address on B', async () => {
    const attempt = (app: TestApp) =>
      fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'agent.b@test.local', password: 'wrong' }),
      });
    // Held still: the 1 s back-off after the third failure must not run out on a slow machine before B is asked.
    heldAt = Date.now();
    try {
      for (let i = 0; i < 3; i++) expect((await attempt(a)).status).toBe(401);
      const onB = await attempt(b);
      expect(onB.status).toBe(429);
      expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      heldAt = null;
    }
  });
});

describe('readiness with Redis', () => {
  it('/readyz checks Redis and every key the run wrote is under its prefix', async () => {
    const res = await fetch(`${b.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, checks: { database: 'ok', migrations: 'ok', redis: 'ok' } });
    const keys = await keysUnder(redis.prefix);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(redis.prefix))).toBe(true);
  });
});
