// /healthz (live) and /readyz (ready: database, migrations, Redis when configured), with each part failing for real.
import { afterAll, describe, expect, it } from 'vitest';
import { startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { COMMAND_TIMEOUT_MS } from '#server/cluster/redis';
import { eventually, redisForTest, redisProxy } from '#tests/helpers/redis';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
});
const ready = async (app: TestApp) => {
  const res = await fetch(`${app.url}/readyz`);
  return {
    status: res.status,
    body: (await res.json()) as { ok: boolean; failing: string[]; checks: Record<string, string> },
  };
};

describe('health endpoints', () => {
  it('are ready on one node without Redis, and name the migrations when the newest is not applied', async () => {
    const app = await startApp();
    apps.push(app);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(await ready(app)).toEqual({
      status: 200,
      body: { ok: true, failing: [], checks: { database: 'ok', migrations: 'ok' } },
    });

    const sqlite = app.db.$client;
    const newest = sqlite.prepare('select * from __drizzle_migrations order by created_at desc limit 1').get() as {
      hash: string;
      created_at: number;
    };
    sqlite.prepare('delete from __drizzle_migrations where created_at = ?').run(newest.created_at);
    try {
      const r = await ready(app);
      expect(r.status).toBe(503);
      expect(r.body.failing).toEqual(['migrations']);
    } finally {
      sqlite
        .prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)')
        .run(newest.hash, newest.created_at);
    }
    expect((await ready(app)).status).toBe(200);
  });

  it('names the database when it does not answer, while /healthz still answers', async () => {
    const app = await startApp();
    apps.push(app);
    app.db.$client.close();
    const r = await ready(app);
    expect(r.status).toBe(503);
    expect(r.body.failing).toContain('database');
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    apps.pop();
    await app.close(); // now, before its workers log their failing polls for the rest of the file
  });

  it('a node whose Redis does not answer at start refuses to start', async () => {
    const proxy = await redisProxy();
    await proxy.cut(); // a port where nothing listens any more
    await expect(startApp({ REDIS_URL: proxy.url })).rejects.toThrow(/Redis \(REDIS_URL\) is not reachable/);
  });

  it('names Redis when the node loses it', async () => {
    const redis = await redisForTest();
    const proxy = await redisProxy();
    try {
      const app = await startApp({ REDIS_URL: proxy.url, REDIS_PREFIX: redis.prefix });
      apps.push(app);
      expect(await ready(app)).toMatchObject({ status: 200, body: { checks: { redis: 'ok' } } });
      await proxy.cut();
      await eventually('readyz fails on Redis', async () => (await ready(app)).body.failing.includes('redis'));
      expect((await ready(app)).status).toBe(503);
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    } finally {
      await redis.cleanup();
    }
  });

  it('a node whose Redis hangs, then drops, still answers logins (limits in memory) and stops in bounded time', async () => {
    const redis = await redisForTest();
    const proxy = await redisProxy();
    const attempt = (app: TestApp, password: string) =>
      fetch(`${app.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@test.local', password }),
      });
    try {
      const app = await startApp({ REDIS_URL: proxy.url, REDIS_PREFIX: redis.prefix, LOGIN_RATE_LIMIT: '3' });
      expect((await attempt(app, 'wrong')).status).toBe(401); // counted in Redis
      proxy.mute(); // Redis stops answering; the connection stays open
      let t = Date.now();
      expect((await attempt(app, 'wrong')).status).toBe(401); // after the command timeout, counted in memory
      expect(Date.now() - t).toBeLessThan(COMMAND_TIMEOUT_MS + 2_000);
      t = Date.now();
      expect((await attempt(app, 'wrong')).status).toBe(401); // memory straight away now
      expect(Date.now() - t).toBeLessThan(1_000);
      expect((await attempt(app, 'wrong')).status).toBe(401);
      expect((await attempt(app, 'wrong')).status).toBe(429); // the limits still hold, from memory
      await proxy.cut();
      expect([401, 429]).toContain((await attempt(app, 'wrong')).status);
      expect((await attempt(app, TEST_PASSWORD)).status).not.toBe(500);
      t = Date.now();
      await app.close();
      expect(Date.now() - t).toBeLessThan(COMMAND_TIMEOUT_MS + 3_000);
    } finally {
      await redis.cleanup();
    }
  });
});
