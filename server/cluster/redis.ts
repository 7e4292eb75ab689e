import { Redis } from 'ioredis';

/**
 * Braid's connection to Redis when REDIS_URL is set (docs/scale-out.md): one client for commands and
 * publishing, one for subscriptions (a subscribed connection can do nothing else), and the prefix
 * every key, channel and stream name carries so that several workspaces — or test runs — can share
 * one Redis. Nothing connects until connect(): createApp has no side effects before listen().
 */
export interface RedisLink {
  /** Commands and publishing (also handed to the Socket.IO adapter). */
  readonly cmd: Redis;
  readonly prefix: string;
  /** `name` under this link's prefix. */
  key(name: string): string;
  /** Deliver the messages of a (prefixed) channel to `onMessage`; subscribed again after a reconnect. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  /** Publish on a (prefixed) channel. */
  publish(channel: string, message: string): Promise<void>;
  connect(): Promise<void>;
  /** True when Redis answers PING within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * How long a command may wait for its reply before it fails: a Redis that stops answering without
 * closing the connection must not hang logins or shutdown. Above the streams adapter's 1 s XREAD block.
 */
export const COMMAND_TIMEOUT_MS = 3_000;
/** How long closing waits for QUIT before dropping the connection. */
const CLOSE_TIMEOUT_MS = 1_000;

/** A link to the Redis at `url`; every name is prefixed with `prefix`. */
export function createRedisLink(url: string, prefix: string): RedisLink {
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, commandTimeout: COMMAND_TIMEOUT_MS };
  const cmd = new Redis(url, options);
  const sub = new Redis(url, options);
  const handlers = new Map<string, Array<(message: string) => void>>();
  let lastError = 0;
  const logError = (err: Error) => {
    // A Redis outage surfaces on every retry: say so at most every 10 s.
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    console.error(`[redis] ${err.message}`);
  };
  cmd.on('error', logError);
  sub.on('error', logError);
  sub.on('message', (channel: string, message: string) => {
    for (const h of handlers.get(channel) ?? []) {
      try {
        h(message);
      } catch (err) {
        // A message this version cannot read (another node mid-upgrade) must not take the node down.
        console.error(`[redis] ${channel}: message not handled: ${String(err)}`);
      }
    }
  });
  const key = (name: string) => `${prefix}${name}`;
  let closed = false;
  return {
    cmd,
    prefix,
    key,
    async subscribe(channel, onMessage) {
      const full = key(channel);
      const list = handlers.get(full);
      if (list) return void list.push(onMessage);
      handlers.set(full, [onMessage]);
      await sub.subscribe(full);
    },
    async publish(channel, message) {
      await cmd.publish(key(channel), message);
    },
    async connect() {
      try {
        await Promise.all([cmd, sub].filter((c) => c.status === 'wait').map((c) => c.connect()));
      } catch (err) {
        // Refuse to start rather than run as a node that silently shares nothing.
        cmd.disconnect();
        sub.disconnect();
        throw new Error('Redis (REDIS_URL) is not reachable: not starting this node', { cause: err });
      }
    },
    async ping(timeoutMs = 1_000) {
      if (cmd.status !== 'ready') return false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      try {
        return await Promise.race([cmd.ping().then((r) => r === 'PONG'), late]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      // QUIT lets replies in flight arrive, for a second at most (a silent Redis never answers it);
      // then, or for a link that never connected or lost Redis, the connection is dropped.
      const end = async (c: Redis) => {
        if (c.status === 'ready') {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
          await Promise.race([c.quit().catch(() => undefined), late]);
          clearTimeout(timer);
        }
        c.disconnect();
      };
      await Promise.allSettled([end(sub), end(cmd)]);
    },
  };
}
