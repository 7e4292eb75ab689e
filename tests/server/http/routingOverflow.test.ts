import { afterEach, describe, expect, it } from 'vitest';
import { startApp } from '#tests/helpers/app';
import { MIN, routingWorld, until } from './routingWorld';

let world: Awaited<ReturnType<typeof routingWorld>> | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

const teamEntries = (w: NonNullable<typeof world>, id: number) =>
  (
    w.app.db.$client
      .prepare("select count(*) n from messages where thread_id = ? and system_kind = 'team'")
      .get(id) as { n: number }
  ).n;

describe('overflow', () => {
  it('moves a thread unassigned for N minutes to the overflow team, once, also across a restart', async () => {
    world = await routingWorld({ overflowMinutes: 10 });
    const w = world;
    expect(
      (
        await w.admin.patch(`/api/teams/${w.people.teamA}/config`, {
          settings: { routing: { overflowTeamId: w.people.teamB } },
        })
      ).status,
    ).toBe(200);
    const id = await w.post('o1', 'is anyone there?');
    expect(await w.explain(id)).toMatchObject({
      state: 'waiting',
      wait: { why: 'nobodyOnline', overflowAt: w.clock.now + 10 * MIN, overflowTeamId: w.people.teamB },
    });
    w.advance(9 * MIN);
    expect((await w.thread(id)).teamId).toBe(w.people.teamA);
    w.advance(MIN);
    expect((await w.thread(id)).teamId).toBe(w.people.teamB);
    expect(await w.explain(id)).toMatchObject({ overflowedFromTeamId: w.people.teamA, teamId: w.people.teamB });
    w.advance(30 * MIN);
    expect(teamEntries(w, id)).toBe(1);

    // A restart plans again from the database: nothing moves twice.
    await w.app.stop();
    const again = await startApp({}, { dataDir: w.app.dir, now: () => w.clock.now + 60 * MIN });
    try {
      again.braid.ctx.routing.tick();
      await new Promise((r) => setTimeout(r, 50));
      expect(teamEntries({ ...w, app: again }, id)).toBe(1);
    } finally {
      await again.close();
    }
    world = null;
  });

  it('refuses an overflow team that does not exist or is the team itself', async () => {
    world = await routingWorld();
    const w = world;
    for (const overflowTeamId of [w.people.teamA, 999_999]) {
      const res = await w.admin.patch(`/api/teams/${w.people.teamA}/config`, {
        settings: { routing: { overflowTeamId } },
      });
      expect(res.status).toBe(400);
    }
  });
});

describe('priority', () => {
  it('serves a VIP customer before an earlier normal one when an agent gets room', async () => {
    world = await routingWorld({ skills: false });
    const w = world;
    await w.admin.patch(`/api/agents/${w.people.agentA}`, { capacity: 1 });
    const normal = await w.post('p1', 'first in line');
    w.clock.now += MIN;
    const vip = await w.post('p2', 'VIP here');
    const detail = (await (await w.admin.get(`/api/threads/${vip}`)).json()) as {
      thread: { customer: { id: number } };
    };
    expect((await w.admin.patch(`/api/customers/${detail.thread.customer.id}`, { tier: 'VIP' })).status).toBe(200);
    await w.online('agent.a@test.local');
    await until(async () => (await w.thread(vip)).assigneeId === w.people.agentA);
    expect((await w.thread(normal)).assigneeId).toBeNull();
    expect((await w.explain(vip)).reason).toMatchObject({ vip: true, load: 1, capacity: 1 });
    expect((await w.explain(vip)).text).toBe('Routed to agent.a: VIP customer, 1 of 1 open threads');
  });
});
