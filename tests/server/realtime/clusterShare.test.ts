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
async function node(start = true) {
  const link = createRedisLink(redis.url, redis.prefix);
  links.push(link);
  await link.connect();
  const presence = new PresenceRegistry();
  const viewers = new ViewerRegistry();
  const told = { agents: [] as number[], threads: [] as number[], remembered: [] as Viewer[] };
  const share = new ClusterShare(link, 1_500, {
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
    await new Promise((r) => setTimeout(r, 50));
    const b = await node();
    expect(b.presence.of(8)).toBe('online'); // read at start, no delta needed

    // B misses A's next change (a forged delta with a version far ahead makes B fetch A's key).
    a.presence.connect(9, 's3');
    a.share.agentChanged(9, { id: 9, role: 'agent', teamIds: [] });
    await eventually('B sees agent 9', () => b.presence.of(9) === 'online');
    a.presence.disconnect(9, 's3');
    a.share.agentChanged(9);
    await eventually('B sees agent 9 leave', () => b.presence.of(9) === 'offline');
    await b.link.publish(
      'presence',
      JSON.stringify({
        node: a.share.node,
        v: 10_000,
        agents: [[8, 'away', Date.now(), 'lead', []]],
        views: [],
        choices: [],
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    // The key says what A really has (8 online), not what the forged delta claimed.
    expect(b.presence.of(8)).toBe('online');
    expect(b.presence.of(9)).toBe('offline');
  });
});
