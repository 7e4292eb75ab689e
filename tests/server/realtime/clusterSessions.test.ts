// Two nodes over ONE database (two connections to one SQLite file stand in for the shared PostgreSQL) and one
// Redis: what an HTTP request on node A decides about sessions and access reaches sockets on node B.
// Fails (never skips) when Redis is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { connectSocket, login } from '#tests/helpers/client';
import { eventually, redisForTest } from '#tests/helpers/redis';

let redis: Awaited<ReturnType<typeof redisForTest>>;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  redis = await redisForTest();
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: redis.prefix };
  a = await startApp(env);
  await seedPeople(a.db);
  b = await startApp(env, { dataDir: a.dir });
  await eventually(
    'both nodes on the adapter',
    async () => (await a.braid.realtime.io.of('/').adapter.serverCount()) >= 2,
  );
});
afterAll(async () => {
  await b?.stop();
  await a?.close();
  await redis?.cleanup();
});

describe('sessions and access across nodes', () => {
  it('logging out on node A disconnects that session’s socket on node B', async () => {
    const agent = await login(a.url, 'agent.a@test.local');
    const onB = await connectSocket(b.url, agent.cookie);
    const closed = new Promise<string>((r) => onB.once('disconnect', r));
    expect((await agent.post('/api/auth/logout')).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });

  it('deactivating an agent on node A drops their socket on node B', async () => {
    const admin = await login(a.url, 'admin@test.local');
    const agent = await login(b.url, 'agent.b@test.local');
    const onB = await agent.socket();
    let closed = false;
    onB.once('disconnect', () => (closed = true));
    expect((await admin.patch(`/api/agents/${agent.agentId}`, { active: false })).status).toBe(200);
    await eventually('the socket on B is dropped', () => closed);
  });

  it('a team change on node A reconnects the agent’s socket on node B even when the refresh message is lost', async () => {
    // The refresh to other nodes is a plain PUBLISH; B here never hears it, as in a Redis blip.
    for (const e of [b.braid.realtime.io, b.braid.realtime.io.of('/')]) e.removeAllListeners('agent.refresh');
    const admin = await login(a.url, 'admin@test.local');
    const agent = await login(b.url, 'agent.a@test.local');
    const onB = await agent.socket();
    const closed = new Promise<string>((r) => onB.once('disconnect', r));
    expect((await admin.patch(`/api/agents/${agent.agentId}`, { teamIds: [] })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });
});
