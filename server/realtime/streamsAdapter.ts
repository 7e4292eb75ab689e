import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { RedisLink } from '#server/cluster/redis';

type XRead = (...args: Array<string | number>) => Promise<unknown>;

/**
 * The Socket.IO Redis streams adapter on the link's stream `<prefix>socket.io`, with one gap closed:
 * the adapter reads with offset `$` ("only what comes after this call") until it has read its first
 * entry, so a broadcast appended between two of those reads — after one read timed out, before the
 * next was sent — never reaches this node. Here `$` is replaced by the stream's last entry id as it
 * was when this node first read, so every entry appended after the node started is read.
 */
export function streamsAdapter(link: RedisLink) {
  const stream = link.key('socket.io');
  const client = new Proxy(link.cmd, {
    get(target, prop) {
      if (prop === 'duplicate') return () => anchored(target.duplicate());
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return createAdapter(client, { streamName: stream, channelPrefix: stream, blockTimeInMs: 1_000 });
}

/** `reader` with XREAD's `$` offset pinned to the stream's last entry id at its first read. */
function anchored(reader: Redis): Redis {
  const xread = reader.xread.bind(reader) as unknown as XRead;
  let anchor: string | null = null;
  const pinned: XRead = async (...args) => {
    const at = args.lastIndexOf('$');
    if (at > 0 && args[at - 1] !== undefined) {
      const stream = String(args[at - 1]);
      anchor ??= ((await reader.xrevrange(stream, '+', '-', 'COUNT', 1))[0]?.[0] as string | undefined) ?? '0-0';
      args[at] = anchor;
    }
    return xread(...args);
  };
  Object.assign(reader, { xread: pinned });
  return reader;
}
