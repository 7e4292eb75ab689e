// ClusterShare against the real Redis: what one node's sockets look at and type in, and who is connected,
// mirrored on another node. Fails (never skips) when Redis is down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisLink, type RedisLink } from '#server/cluster/redis';
import type { Viewer } from '#server/domain/access';
import { ClusterShare } from '#server/realtime/clusterShare';
import { PresenceRegistry } from '#server/realtime/presence';
import { ViewerRegistry } from '#server/realtime/viewers';
import { eventually, redisForTest } from '#tests/helpers/redis';

let redis: Awaited<ReturnType<typeof redisForTest>>;
const links: RedisLink[] = [];
const shares: ClusterShare[] = [];

/** One node's registries and share, recording what it is told about the others. */
async function node(start = true, ttlMs = 1_500) {
  const link = createRedisLink(redis.url, redis.prefix);
  links.push(link);
  await link.connect();
  const presence = new PresenceRegistry();
  const viewers = new ViewerRegistry();
  const told = { agents: [] as number[], threads: [] as number[], remembered: [] as Viewer[] };
  const share = new ClusterShare(link, ttlMs, {
    presence,
    viewers,
    remember: (v) => told.remembered.push(v),
    agentsChanged: (ids) => told.agents.push(...ids),
    threadsChanged: (ids) => told.threads.push(...ids),
  });
  shares.push(share);
  if (start) await share.start();
  return { link, presence, viewers, share, told };
}

beforeAll(async () => {
  redis = await redisForTest();
});
afterAll(async () => {
  for (const s of shares) await s.close();
  for (const l of links) await l.close();
  await redis?.cleanup();
});

describe('ClusterShare', () => {
  it('mirrors viewing and typing of another node, and forgets it when that node says goodbye', async () => {
    const a = await node();
    const b = await node();
    const agent: Viewer = { id: 7, role: 'agent', teamIds: [3] };
    a.presence.connect(7, 's1');
    a.share.agentChanged(7, agent);
    a.viewers.view('s1', 7, 42);
    a.share.viewChanged('s1');
    await eventually('B sees the viewer', () => b.viewers.viewersOf(42, Date.now()).length === 1);
    expect(b.presence.of(7)).toBe('online');
    expect(b.told.remembered).toContainEqual(agent);
    expect(b.told.threads).toContain(42);

    a.viewers.typing('s1', 7, 42, Date.now() + 6_000, Date.now());
    a.share.viewChanged('s1');
    await eventually('B sees the typing', () => b.viewers.viewersOf(42, Date.now())[0]?.typing === true);

    await a.share.close();
    await eventually('B forgets A', () => b.presence.of(7) === 'offline');
    expect(b.viewers.viewersOf(42, Date.now())).toEqual([]);
  });

  it('a node starting late reads the others; a missed delta is repaired from the heartbeat key', async () => {
    const a = await node();
    a.presence.connect(8, 's2');
    a.share.agentChanged(8, { id: 8, role: 'lead', teamIds: [] });
    const aKey = `${redis.prefix}node:${a.share.node}`;
    await eventually("A's key holds agent 8", async () => (await a.link.cmd.get(aKey))?.includes('[8,') === true);
    const b = await node();
    expect(b.presence.of(8)).toBe('online'); // read at start, no delta needed

    a.presence.connect(9, 's3');
    a.share.agentChanged(9, { id: 9, role: 'agent', teamIds: [] });
    await eventually('B sees agent 9', () => b.presence.of(9) === 'online');
    a.presence.disconnect(9, 's3');
    a.share.agentChanged(9);
    await eventually('B sees agent 9 leave', () => b.presence.of(9) === 'offline');
    // A forged delta far ahead: B repairs from A's key, which says what A really has (8 online), and
    // keeps A's real version, so A's next change still reaches B.
    await b.link.publish('presence', forged(a.share.node, 10_000, [[8, 'away', Date.now(), 'lead', []]]));
    a.presence.connect(12, 's5');
    a.share.agentChanged(12, { id: 12, role: 'agent', teamIds: [] });
    await eventually('B sees agent 12', () => b.presence.of(12) === 'online');
    expect(b.presence.of(8)).toBe('online');
    expect(b.presence.of(9)).toBe('offline');
  });

  it('a delta after a gap is repaired from the key, not taken from the delta', async () => {
    // B's heartbeat read is a minute away, so only the repair can bring what the key holds.
    const b = await node(true, 60_000);
    const ghost = `ghost-${Date.now()}`;
    const state = { v: 5, agents: [[10, 'online', Date.now(), 'agent', []]], views: [] };
    await b.link.cmd
      .multi()
      .set(`${redis.prefix}node:${ghost}`, JSON.stringify(state), 'PX', 60_000)
      .sadd(`${redis.prefix}nodes`, ghost)
      .exec();
    await b.link.publish(
      'presence',
      forged(ghost, 9, [
        [10, 'away', Date.now(), 'agent', []],
        [11, 'online', 1, 'agent', []],
      ]),
    );
    await eventually('B repairs the ghost node from its key', () => b.presence.of(10) !== 'offline');
    expect(b.presence.of(10)).toBe('online');
    expect(b.presence.of(11)).toBe('offline');
  });
});

/** A delta as a node would publish it. */
function forged(node: string, v: number, agents: unknown[]): string {
  return JSON.stringify({ node, v, agents, views: [], choices: [] });
}
