// ClusterShare's ordering between reads of other nodes' keys and the deltas that overtake them, driven
// step by step with a link whose Redis replies the test releases. The happy path against the real Redis
// is in clusterShare.test.ts; this file only pins the interleavings a real Redis makes rare.
import { describe, expect, it } from 'vitest';
import type { RedisLink } from '#server/cluster/redis';
import { ClusterShare } from '#server/realtime/clusterShare';
import { PresenceRegistry } from '#server/realtime/presence';
import { ViewerRegistry } from '#server/realtime/viewers';

type Reply = { op: string; resolve: (value: unknown) => void };

/** A link whose reads wait until the test answers them; writes and subscriptions succeed at once. */
function heldLink() {
  let deliver: (raw: string) => void = () => undefined;
  const held: Reply[] = [];
  const hold = (op: string) => new Promise((resolve) => held.push({ op, resolve }));
  const tx = {
    set: () => tx,
    sadd: () => tx,
    del: () => tx,
    srem: () => tx,
    publish: () => tx,
    exec: () => Promise.resolve([]),
  };
  const cmd = {
    multi: () => tx,
    smembers: () => hold('smembers'),
    mget: () => hold('mget'),
    get: () => hold('get'),
    srem: () => Promise.resolve(0),
  };
  const link = {
    cmd,
    prefix: 'p:',
    key: (n: string) => `p:${n}`,
    subscribe: (_channel: string, h: (raw: string) => void) => {
      deliver = h;
      return Promise.resolve();
    },
  } as unknown as RedisLink;
  return {
    link,
    /** Deliver a delta from another node. */
    delta(d: object) {
      deliver(JSON.stringify({ agents: [], views: [], choices: [], ...d }));
    },
    /** Answer the oldest held `op` read (fails when there is none). */
    async answer(op: string, value: unknown) {
      for (let i = 0; i < 50 && !held.some((r) => r.op === op); i++) await new Promise((r) => setImmediate(r));
      const i = held.findIndex((r) => r.op === op);
      expect(i, `a held ${op}`).toBeGreaterThanOrEqual(0);
      held.splice(i, 1)[0].resolve(value);
      await new Promise((r2) => setImmediate(r2));
    },
  };
}

const state = (v: number, agents: number[]) =>
  JSON.stringify({ v, agents: agents.map((id) => [id, 'online', 1, 'agent', []]), views: [] });
const online = (id: number) => [id, 'online', 1, 'agent', []];

/** A started share that knows node X at version 1 with agent 5 connected. */
async function started() {
  const l = heldLink();
  const presence = new PresenceRegistry();
  const share = new ClusterShare(l.link, 60_000, {
    presence,
    viewers: new ViewerRegistry(),
    remember: () => undefined,
    agentsChanged: () => undefined,
    threadsChanged: () => undefined,
  });
  const start = share.start();
  await l.answer('smembers', ['X']);
  await l.answer('mget', [state(1, [5])]);
  await start;
  expect(presence.of(5)).toBe('online');
  // The heartbeat's read, run by hand (the timer is a minute away).
  const sync = () => share['sync']();
  return { l, presence, share, sync };
}

describe('ClusterShare ordering', () => {
  it('a read overtaken by a newer delta does not roll the node back', async () => {
    const { l, presence, share, sync } = await started();
    const read = sync();
    await l.answer('smembers', ['X']);
    l.delta({ node: 'X', v: 2, agents: [[5, null]] }); // agent 5 leaves while the read is in flight
    expect(presence.of(5)).toBe('offline');
    await l.answer('mget', [state(1, [5])]); // the read still says version 1, with agent 5
    await read;
    expect(presence.of(5)).toBe('offline');
    await share.close();
  });

  it('a node that said goodbye is not brought back by a read or repair still in flight', async () => {
    const { l, presence, share, sync } = await started();
    l.delta({ node: 'X', v: 4, agents: [online(6)] }); // a gap: repair from X's key
    const read = sync();
    l.delta({ node: 'X', v: 5, gone: true });
    expect(presence.of(5)).toBe('offline');
    await l.answer('get', state(4, [5, 6])); // the repair's answer, read before the goodbye
    await l.answer('smembers', ['X']);
    await l.answer('mget', [state(4, [5, 6])]); // the heartbeat read, likewise
    await read;
    l.delta({ node: 'X', v: 3, agents: [online(7)] }); // a late delta from before the goodbye
    expect([5, 6, 7].map((id) => presence.of(id))).toEqual(['offline', 'offline', 'offline']);
    await share.close();
  });

  it('a read drops only nodes whose key is gone or that it knew before, not one that joined meanwhile', async () => {
    const { l, presence, share, sync } = await started();
    const read = sync();
    l.delta({ node: 'Y', v: 1, agents: [online(8)] }); // Y joins after SMEMBERS was read
    await l.answer('get', state(1, [8]));
    expect(presence.of(8)).toBe('online');
    await l.answer('smembers', []); // neither X nor Y listed
    await read;
    expect(presence.of(8)).toBe('online'); // Y joined during the read: kept
    expect(presence.of(5)).toBe('offline'); // X was known before and is gone: dropped

    l.delta({ node: 'Z', v: 1, agents: [online(9)] });
    await l.answer('get', state(1, [9]));
    const again = sync();
    await l.answer('smembers', ['Y', 'Z']);
    await l.answer('mget', [state(1, [8]), null]); // Z's key expired
    await again;
    expect(presence.of(8)).toBe('online');
    expect(presence.of(9)).toBe('offline');
    await share.close();
  });

  it('a state or repair it cannot read is logged and skipped, never thrown', async () => {
    const { l, presence, share, sync } = await started();
    const read = sync();
    await l.answer('smembers', ['X']);
    await l.answer('mget', ['{not json']);
    await read;
    expect(presence.of(5)).toBe('online');
    l.delta({ node: 'X', v: 9 });
    await l.answer('get', '{not json');
    expect(presence.of(5)).toBe('online');
    await share.close();
  });
});
