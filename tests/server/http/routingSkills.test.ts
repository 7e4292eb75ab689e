import { afterEach, describe, expect, it } from 'vitest';
import { login } from '#tests/helpers/client';
import { MIN, routingWorld, until } from './routingWorld';

const THAI = 'สวัสดีครับ สินค้าที่สั่งไปยังไม่มาถึงเลย ช่วยตรวจสอบให้หน่อยครับ';
let world: Awaited<ReturnType<typeof routingWorld>> | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe('skills routing', () => {
  it('gives a Thai customer to the online Thai speaker with room, and says why', async () => {
    world = await routingWorld();
    const w = world;
    await w.online('agent.a@test.local');
    await w.online('agent.a2@test.local');
    const id = await w.post('th-1', THAI);
    expect((await w.thread(id)).assigneeId).toBe(w.people.agentA2);
    const why = await w.explain(id);
    expect(why).toMatchObject({
      state: 'routed',
      agentId: w.people.agentA2,
      reason: { language: 'th', fallback: false, loadKind: 'all', load: 1, capacity: 5 },
    });
    expect(why.text).toBe('Routed to agent.a2: Thai speaker, 1 of 5 open threads');
  });

  it('waits for a Thai speaker, then falls back to anyone after the configured wait (once)', async () => {
    world = await routingWorld({ fallbackMinutes: 5 });
    const w = world;
    await w.online('agent.a@test.local');
    const id = await w.post('th-2', THAI);
    expect((await w.thread(id)).assigneeId).toBeNull();
    const waiting = await w.explain(id);
    expect(waiting).toMatchObject({ state: 'waiting', wait: { why: 'awaitingLanguage', language: 'th' } });
    expect(waiting.wait?.fallbackAt).toBe(w.clock.now + 5 * MIN);
    await until(() => w.app.braid.ctx.routing.nextFor(w.people.teamA) === w.clock.now + 5 * MIN);
    w.advance(4 * MIN);
    expect((await w.thread(id)).assigneeId).toBeNull();
    w.advance(MIN);
    expect((await w.thread(id)).assigneeId).toBe(w.people.agentA);
    expect((await w.explain(id)).reason).toMatchObject({ language: 'th', fallback: true });
    w.advance(10 * MIN);
    const entries = w.app.db.$client
      .prepare("select count(*) n from messages where thread_id = ? and system_kind = 'assigned'")
      .get(id) as { n: number };
    expect(entries.n).toBe(1);
  });
});

describe('least-loaded and capacity per kind of work', () => {
  it('least-loaded sends new threads to the emptier agent where round robin would alternate', async () => {
    world = await routingWorld({ mode: 'leastLoaded' });
    const w = world;
    await w.online('agent.a@test.local');
    await w.online('agent.a2@test.local');
    for (const c of ['l1', 'l2']) {
      const id = await w.post(c, 'hello');
      if ((await w.thread(id)).assigneeId !== w.people.agentA)
        expect(
          (await w.admin.post(`/api/threads/${id}/assign`, { agentId: w.people.agentA, confirm: true })).status,
        ).toBe(200);
    }
    const a = await w.post('l3', 'hello');
    const b = await w.post('l4', 'hello');
    expect([(await w.thread(a)).assigneeId, (await w.thread(b)).assigneeId]).toEqual([
      w.people.agentA2,
      w.people.agentA2,
    ]);
    expect((await w.explain(b)).text).toBe('Routed to agent.a2: English speaker, least loaded, 2 of 5 open threads');
  });

  it('counts live chats and async threads against separate limits', async () => {
    world = await routingWorld({ skills: false });
    const w = world;
    await w.admin.patch(`/api/agents/${w.people.agentA}`, { capacity: 1, asyncCapacity: 2 });
    await w.online('agent.a@test.local');
    // API threads are async work: two fit, the third waits although no live chat is open.
    const ids = [await w.post('k1', 'one'), await w.post('k2', 'two'), await w.post('k3', 'three')];
    const assignees = await Promise.all(ids.map(async (id) => (await w.thread(id)).assigneeId));
    expect(assignees).toEqual([w.people.agentA, w.people.agentA, null]);
    expect((await w.explain(ids[1])).reason).toMatchObject({ loadKind: 'async', load: 2, capacity: 2 });
    expect((await w.explain(ids[2])).wait).toMatchObject({ why: 'noRoom' });
    // Resolving one frees async room: the waiting thread is routed without anyone asking.
    const agent = await login(w.app.url, 'agent.a@test.local');
    expect((await agent.post(`/api/threads/${ids[0]}/status`, { status: 'resolved' })).status).toBe(200);
    await until(async () => (await w.thread(ids[2])).assigneeId === w.people.agentA);
  });
});

describe('explain endpoint access', () => {
  it('answers agents only about threads they can open', async () => {
    world = await routingWorld();
    const w = world;
    const id = await w.post('x1', 'hello');
    const teamA = await login(w.app.url, 'agent.a@test.local');
    const teamB = await login(w.app.url, 'agent.b@test.local');
    expect((await w.explain(id, teamA)).state).toBe('waiting');
    expect((await w.explain(id, teamA)).wait?.why).toBe('nobodyOnline');
    expect((await teamB.get(`/api/routing/explain/${id}`)).status).toBe(403);
    expect((await fetch(`${w.app.url}/api/routing/explain/${id}`)).status).toBe(401);
    expect((await w.admin.get('/api/routing/explain/999999')).status).toBe(404);
  });

  it('names who assigned a thread by hand, as data and in words', async () => {
    world = await routingWorld();
    const w = world;
    const id = await w.post('x2', 'hello');
    const lead = await login(w.app.url, 'lead@test.local');
    expect((await lead.post(`/api/threads/${id}/assign`, { agentId: w.people.agentA2 })).status).toBe(200);
    expect(await w.explain(id)).toMatchObject({
      state: 'manual',
      agentId: w.people.agentA2,
      actorId: w.people.lead,
      reason: null,
      text: 'Assigned to agent.a2 by lead',
    });
  });
});
