import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

/** The Redis every development and CI machine runs (.ci/run starts it when it is down). */
export const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/**
 * A key prefix of this test run's own, checked to be usable: throws — the test fails, it is never
 * skipped — when Redis does not answer. `cleanup()` deletes every key, stream and counter under it.
 */
export async function redisForTest(): Promise<{ url: string; prefix: string; cleanup: () => Promise<void> }> {
  const prefix = `braid-test:${randomUUID()}:`;
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => undefined);
  try {
    await r.connect();
    await r.ping();
  } catch (err) {
    r.disconnect();
    throw new Error(
      `Redis is not reachable at ${REDIS_URL} (${(err as Error).message}). These tests need it: start it with ` +
        `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no (as .ci/run does).`,
      { cause: err },
    );
  }
  return {
    url: REDIS_URL,
    prefix,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length > 0) await r.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await r.quit();
    },
  };
}

/** Every key under `prefix` now (to check what a run leaves behind). */
export async function keysUnder(prefix: string): Promise<string[]> {
  const r = new Redis(REDIS_URL);
  try {
    return await r.keys(`${prefix}*`);
  } finally {
    r.disconnect();
  }
}

/**
 * A TCP proxy in front of Redis that a test can cut, to see a node lose Redis without stopping it, or
 * mute: connections stay open but Redis's answers no longer arrive (a Redis that hangs).
 */
export async function redisProxy(): Promise<{ url: string; cut: () => Promise<void>; mute: () => void }> {
  const target = new URL(REDIS_URL);
  const sockets = new Set<Socket>();
  let muted = false;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => void (muted || client.write(chunk)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mute() {
      muted = true;
    },
    async cut() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Resolves once `check` holds (polled every 25 ms); fails with `what` after `ms`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
