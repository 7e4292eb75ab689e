import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';

// A "thank you" after a resolve, through the real ingest path (API channel over HTTP, real SQLite):
// stored in the thread, the thread stays resolved, no SLA clock starts; a real follow-up re-opens.
let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let agent: AgentClient;
let secret: string;

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  agent = await login(app.url, 'agent.a@test.local');
  secret = (await createApiKey(admin)).secret;
  expect((await admin.put('/api/routing', { defaultTeamId: people.teamA, byChannel: {} })).status).toBe(200);
  const policy = { name: 'Fast', match: {}, firstResponseMs: 3_600_000, businessHours: false };
  expect((await admin.post('/api/sla-policies', policy)).status).toBe(201);
});
afterAll(() => app.close());

let seq = 0;
async function customerSays(customerId: string, text: string): Promise<number> {
  const res = await postApiMessage(app.url, secret, {
    customer: { id: customerId },
    message: { id: `m${++seq}`, text },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { threadId: number }).threadId;
}
async function resolve(threadId: number): Promise<void> {
  expect((await agent.post(`/api/threads/${threadId}/status`, { status: 'resolved' })).status).toBe(200);
}
async function detail(threadId: number) {
  return (await (await agent.get(`/api/threads/${threadId}`)).json()) as {
    thread: { status: string; waitingSince: number | null; sla: { kind: string | null; dueAt: number | null } | null };
    episodes: Array<{ number: number; resolvedAt: number | null; surveyScore: number | null }>;
  };
}
async function texts(threadId: number) {
  const page = (await (await agent.get(`/api/threads/${threadId}/messages`)).json()) as {
    items: Array<{ direction: string; text: string; meta?: Record<string, unknown> }>;
  };
  return page.items.filter((m) => m.direction === 'inbound').map((m) => [m.text, m.meta?.closingCourtesy ?? false]);
}

describe('closing courtesy after a resolve', () => {
  it('stores "dziękuję 🙏" without re-opening or starting a clock; "a jeszcze jedno pytanie" re-opens', async () => {
    const threadId = await customerSays('c1', 'Gdzie jest moja paczka 4411?');
    expect((await detail(threadId)).thread.sla).toMatchObject({ kind: 'first_response' });
    await resolve(threadId);

    await customerSays('c1', 'Dziękuję bardzo! 🙏');
    const kept = await detail(threadId);
    expect(kept.thread).toMatchObject({ status: 'resolved', waitingSince: null, sla: { kind: null, dueAt: null } });
    expect(kept.episodes).toHaveLength(1);
    expect(await texts(threadId)).toEqual([
      ['Gdzie jest moja paczka 4411?', false],
      ['Dziękuję bardzo! 🙏', true],
    ]);

    await customerSays('c1', 'dziękuję, a jeszcze jedno pytanie');
    const reopened = await detail(threadId);
    expect(reopened.thread.status).toBe('open');
    expect(reopened.thread.waitingSince).not.toBeNull();
    expect(reopened.thread.sla).toMatchObject({ kind: 'first_response' });
    expect(reopened.episodes).toHaveLength(2);
  });

  it('re-opens on a thanks when the team turned the rule off; the setting is validated', async () => {
    const path = `/api/teams/${people.teamA}/config`;
    expect((await admin.patch(path, { settings: { courtesyKeepsResolved: 'no' } })).status).toBe(400);
    expect((await agent.patch(path, { settings: { courtesyKeepsResolved: false } })).status).toBe(403);
    const off = await admin.patch(path, { settings: { courtesyKeepsResolved: false } });
    expect((await off.json()).settings.courtesyKeepsResolved).toBe(false);
    try {
      const threadId = await customerSays('c2', 'My invoice is wrong');
      await resolve(threadId);
      await customerSays('c2', 'ok thanks!');
      expect((await detail(threadId)).thread.status).toBe('open');
    } finally {
      await admin.patch(path, { settings: { courtesyKeepsResolved: true } });
    }
  });

  it('reads a survey answer first ("5, thanks!" is a score), then a later "谢谢" is a courtesy', async () => {
    const path = `/api/teams/${people.teamA}/config`;
    expect((await admin.patch(path, { settings: { survey: 'csat' } })).status).toBe(200);
    try {
      const threadId = await customerSays('c3', '我的订单还没到');
      await resolve(threadId);
      await customerSays('c3', '5, thanks!');
      const rated = await detail(threadId);
      expect(rated.thread.status).toBe('resolved');
      expect(rated.episodes).toMatchObject([{ surveyScore: 5 }]);
      await customerSays('c3', '好的谢谢');
      expect((await detail(threadId)).thread).toMatchObject({ status: 'resolved', sla: { kind: null, dueAt: null } });
      expect(await texts(threadId)).toEqual([
        ['我的订单还没到', false],
        ['5, thanks!', false],
        ['好的谢谢', true],
      ]);
      await customerSays('c3', '谢谢，还有一个问题');
      expect((await detail(threadId)).thread.status).toBe('open');
    } finally {
      await admin.patch(path, { settings: { survey: 'none' } });
    }
  });
});
