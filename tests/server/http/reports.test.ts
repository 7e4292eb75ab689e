import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { seedPeople, TestApp } from '#tests/helpers/app';
import { postApiMessage, type AgentClient } from '#tests/helpers/client';
import { startReportWorld, type ReportWorld } from './reportWorld';
import { eventually } from '#tests/server/channels/webhookHelpers';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let agentA: AgentClient;
let agentA2: AgentClient;
let lead: AgentClient;
let world: ReportWorld;
let threadId: number;

/** One customer message answered by `who` (accepted by the integration), then resolved. */
async function handle(who: AgentClient, secret: string, customer: string) {
  const posted = await (
    await postApiMessage(app.url, secret, { customer: { id: customer }, message: { id: `${customer}-1`, text: 'Hi?' } })
  ).json();
  const sent = await (await who.post(`/api/threads/${posted.threadId}/replies`, { text: 'Hello!' })).json();
  await eventually(async () => {
    const page = await (await who.get(`/api/threads/${posted.threadId}/messages`)).json();
    return page.items.find((m: { id: number }) => m.id === sent.id)?.deliveryStatus === 'sent';
  });
  expect((await who.post(`/api/threads/${posted.threadId}/status`, { status: 'resolved' })).status).toBe(200);
  return posted.threadId as number;
}

beforeAll(async () => {
  world = await startReportWorld();
  ({ app, people, admin, agentA, agentA2, lead } = world);
  const secret = world.secret;
  threadId = await handle(agentA, secret, 'rep-1');
  await handle(agentA2, secret, 'rep-2');
}, 60_000);
afterAll(() => world?.close());

describe('reports API', () => {
  it('gives supervisors every agent with deciles and the attribution rule', async () => {
    const res = await admin.get('/api/reports/agents?min=1&periods=3');
    expect(res.status).toBe(200);
    const body = await res.json();
    const ids = body.items.map((i: { agentId: number }) => i.agentId);
    expect(ids).toEqual(expect.arrayContaining([people.agentA, people.agentA2]));
    const a = body.items.find((i: { agentId: number }) => i.agentId === people.agentA);
    expect(a).toMatchObject({ handled: 1, firstResponse: { count: 1 }, resolution: { count: 1 } });
    expect(body.deciles.firstResponse.qualified).toBe(2);
    expect(body.deciles.firstResponse.trend).toHaveLength(3);
    expect(body.attribution).toMatch(/author/);
  });

  it('shows an agent only their own row, without deciles, and refuses another agent’s figures', async () => {
    const own = await (await agentA.get('/api/reports/agents')).json();
    expect(own.items.map((i: { agentId: number }) => i.agentId)).toEqual([people.agentA]);
    expect(own.deciles).toBeNull();
    expect((await agentA.get(`/api/reports/agents?agentId=${people.agentA2}`)).status).toBe(403);
    expect((await agentA.get(`/api/reports/conversations?metric=handled&agentId=${people.agentA2}`)).status).toBe(403);
    expect((await agentA.get('/api/reports/teams')).status).toBe(403);
    const mine = await (await agentA.get('/api/reports/conversations?metric=handled')).json();
    expect(mine.items.map((i: { threadId: number }) => i.threadId)).toEqual([threadId]);
  });

  it('keeps leads to their own teams', async () => {
    expect((await lead.get(`/api/reports/agents?teamId=${people.teamB}`)).status).toBe(403);
    expect((await lead.get(`/api/reports/teams?teamId=${people.teamA}`)).status).toBe(200);
  });

  it.each(['from=abc', 'time=weekly', 'channel=fax', 'from=2000&to=1000', 'from=0&to=99999999999', 'min=0'])(
    'answers 400 to a bad query (%s)',
    async (q) => {
      const res = await admin.get(`/api/reports/agents?${q}`);
      expect(res.status).toBe(400);
      expect((await res.json()).code).toBe('invalid_request');
    },
  );

  it('answers 400 to an unknown drill-down metric or a bad value range', async () => {
    expect((await admin.get('/api/reports/conversations?metric=vibes')).status).toBe(400);
    expect((await admin.get('/api/reports/conversations')).status).toBe(400);
    for (const q of ['above=-1', 'upTo=soon', 'above=600000&upTo=60000'])
      expect((await admin.get(`/api/reports/conversations?metric=firstResponse&${q}`)).status, q).toBe(400);
    expect((await admin.get('/api/reports/conversations?metric=firstResponse&above=0&upTo=60000')).status).toBe(200);
  });

  it('lists the leading indicators', async () => {
    const body = await (await admin.get('/api/reports/leading')).json();
    expect(body.returning).toMatchObject({ customers: 2, returned: 0 });
    expect(body.compliments).toMatchObject({ count: 0, episodes: 0 });
  });
});
