import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { threads } from '#server/db/schema';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let agentA: AgentClient;
let agentB: AgentClient;
let secret: string;
let n = 0;

async function customerWrites(id: string): Promise<number> {
  const res = await postApiMessage(app.url, secret, {
    customer: { id, name: `Customer ${id}` },
    message: { id: `m-${++n}`, text: `hello ${n}` },
  });
  return ((await res.json()) as { threadId: number }).threadId;
}

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  agentB = await login(app.url, 'agent.b@test.local');
  secret = (await createApiKey(admin)).secret;
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/threads/counts', () => {
  it('counts every view with the same visibility rules as the list', async () => {
    const a1 = await customerWrites('a1');
    const a2 = await customerWrites('a2');
    const b1 = await customerWrites('b1');
    const free = await customerWrites('free');
    const done = await customerWrites('done');
    app.db.update(threads).set({ teamId: people.teamA }).where(eq(threads.id, a1)).run();
    app.db.update(threads).set({ teamId: people.teamA }).where(eq(threads.id, a2)).run();
    app.db.update(threads).set({ teamId: people.teamB }).where(eq(threads.id, b1)).run();
    expect((await agentA.post(`/api/threads/${a1}/take`)).status).toBe(200);
    expect((await agentA.post(`/api/threads/${done}/status`, { status: 'resolved' })).status).toBe(200);
    expect(free).toBeGreaterThan(0);

    const res = await agentA.get('/api/threads/counts');
    expect(res.status).toBe(200);
    const counts = await res.json();
    // Agent A sees team A and team-less threads, not team B's.
    expect(counts).toMatchObject({
      mine: 1,
      unassigned: 2,
      all: 3,
      statuses: { open: 3, pending: 0, snoozed: 0, resolved: 1 },
    });
    expect(counts.teams).toEqual([{ teamId: people.teamA, count: 2 }]);
    expect(counts.channels).toEqual([{ channel: 'api', count: 3 }]);
    expect(counts.unreadMine).toBe(1);

    // The counts agree with what the list shows the same agent.
    const list = await (await agentA.get('/api/threads?status=open&assignee=any&limit=200')).json();
    expect(list.items).toHaveLength(counts.all);
    const unassigned = await (await agentA.get('/api/threads?status=open&assignee=unassigned')).json();
    expect(unassigned.items).toHaveLength(counts.unassigned);

    const other = await (await agentB.get('/api/threads/counts')).json();
    expect(other).toMatchObject({ mine: 0, all: 2, unassigned: 2 });
    expect(other.teams).toEqual([{ teamId: people.teamB, count: 1 }]);
    const sup = await (await admin.get('/api/threads/counts')).json();
    expect(sup.all).toBe(4);
    expect(sup.statuses.resolved).toBe(1);
  });

  it('drops unread once the agent has read the thread, and needs a login', async () => {
    const before = await (await agentA.get('/api/threads/counts')).json();
    const mine = await (await agentA.get('/api/threads?status=open&assignee=me')).json();
    const t = mine.items[0];
    await agentA.post(`/api/threads/${t.id}/read`, { lastMessageId: t.lastMessageId });
    const after = await (await agentA.get('/api/threads/counts')).json();
    expect(after.unreadMine).toBe(before.unreadMine - 1);
    expect((await fetch(`${app.url}/api/threads/counts`)).status).toBe(401);
  });
});
