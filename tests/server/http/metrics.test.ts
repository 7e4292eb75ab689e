import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { eventually } from '#tests/server/channels/webhookHelpers';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let agent: AgentClient;
let secret: string;
let integration: Recorder;

beforeAll(async () => {
  integration = await startRecorder();
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  agent = await login(app.url, 'agent.a@test.local');
  secret = (await createApiKey(admin, `${integration.url}/hook`)).secret;
});
afterAll(async () => {
  await app.close();
  await integration.close();
});

/** Wait until the integration has accepted a reply (only then is it a response). */
const delivered = (agentClient: AgentClient, threadId: number, messageId: number) =>
  eventually(async () => {
    const page = (await (await agentClient.get(`/api/threads/${threadId}/messages`)).json()) as {
      items: Array<{ id: number; deliveryStatus: string | null }>;
    };
    return page.items.find((m) => m.id === messageId)?.deliveryStatus === 'sent';
  });

describe('intelligence API', () => {
  it('scores every inbound message for sentiment and language, and exposes the thread trend and response times', async () => {
    const post = (id: string, text: string) =>
      postApiMessage(app.url, secret, { customer: { id: 'metrics-1' }, message: { id, text } }).then((r) => r.json());
    const a = await post('s1', 'Nie jestem zadowolony, paczka nie dotarła!!!');
    const thread = await (await agent.get(`/api/threads/${a.threadId}/messages`)).json();
    expect(thread.items[0].sentiment).toMatchObject({ label: 'negative', language: 'pl' });
    const sent = await (
      await agent.post(`/api/threads/${a.threadId}/replies`, { text: 'Przepraszamy, sprawdzamy to.' })
    ).json();
    await delivered(agent, a.threadId, sent.id);
    await post('s2', 'Dziękuję bardzo, wszystko już działa 😊');
    const m = await (await agent.get(`/api/metrics/threads/${a.threadId}`)).json();
    expect(m.episodes).toHaveLength(1);
    expect(m.episodes[0].firstResponse.calendarMs).toBeGreaterThanOrEqual(0);
    expect(m.sentiment.points.map((p: { score: number }) => Math.sign(p.score))).toEqual([-1, 1]);
    const list = await (await agent.get('/api/threads?status=all')).json();
    expect(list.items.find((t: { id: number }) => t.id === a.threadId).sentiment.label).toBe('positive');
  });

  it('lets admins configure hours and SLA policies, validates them, and shows the SLA badge on threads', async () => {
    const bad = await admin.patch(`/api/teams/${people.teamA}/config`, {
      businessHours: { timeZone: 'Mars/Olympus', weekly: { '1': [['09:00', '17:00']] } },
    });
    expect(bad.status).toBe(400);
    const good = await admin.patch(`/api/teams/${people.teamA}/config`, {
      businessHours: {
        timeZone: 'Europe/Warsaw',
        weekly: {
          '1': [['00:00', '24:00']],
          '2': [['00:00', '24:00']],
          '3': [['00:00', '24:00']],
          '4': [['00:00', '24:00']],
          '5': [['00:00', '24:00']],
          '6': [['00:00', '24:00']],
          '0': [['00:00', '24:00']],
        },
        holidays: [],
      },
      settings: { survey: 'nps' },
    });
    expect(good.status).toBe(200);
    expect((await good.json()).settings.survey).toBe('nps');
    expect((await agent.post('/api/sla-policies', { name: 'x', match: {} })).status).toBe(403);
    const created = await admin.post('/api/sla-policies', {
      name: 'Fast',
      match: {},
      firstResponseMs: 3_600_000,
      businessHours: false,
    });
    expect(created.status).toBe(201);
    const posted = await (
      await postApiMessage(app.url, secret, {
        customer: { id: 'sla-1' },
        message: { id: 'sla-m1', text: 'Where is my order?' },
      })
    ).json();
    const detail = await (await agent.get(`/api/threads/${posted.threadId}`)).json();
    expect(detail.thread.sla).toMatchObject({ state: 'ok', kind: 'first_response', policyName: 'Fast' });
    expect(detail.thread.sla.dueAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('restricts aggregate figures to leads, except an agent’s own', async () => {
    expect((await agent.get('/api/metrics/teams')).status).toBe(403);
    expect((await agent.get(`/api/metrics/agents/${people.agentA2}`)).status).toBe(403);
    const own = await agent.get(`/api/metrics/agents/${people.agentA}`);
    expect(own.status).toBe(200);
    expect((await own.json()).metrics.replies).toBeGreaterThanOrEqual(1);
    const lead = await login(app.url, 'lead@test.local');
    const teams = await (await lead.get('/api/metrics/teams')).json();
    expect(teams.items.map((t: { name: string }) => t.name)).toEqual(['Team A', 'Team B']);
    expect((await lead.get('/api/metrics/agents?from=abc')).status).toBe(400);
    const quarter = await lead.get(`/api/metrics/agents?from=${Date.now() - 90 * 86_400_000}`);
    expect(quarter.status).toBe(200);
    const body = await quarter.json();
    expect(body.attribution).toMatch(/resolved/);
    const adminRow = body.items.find((i: { agentId: number }) => i.agentId === people.supervisor);
    expect(adminRow?.metrics ?? null).toMatchObject({ replies: 0, resolved: 0, sla: { breaches: 0, warnings: 0 } });
  });
  it('changes only what a team edit sends: a rename keeps auto-assign, one setting keeps the others, closed days may be left out', async () => {
    const created = await (await admin.post('/api/teams', { name: 'Night shift', autoAssign: true })).json();
    const renamed = await (await admin.patch(`/api/teams/${created.id}`, { name: 'Night owls' })).json();
    expect(renamed).toMatchObject({ name: 'Night owls', autoAssign: true });
    await admin.patch(`/api/teams/${created.id}/config`, {
      settings: { acknowledgement: { enabled: true }, sentimentThreshold: -0.3 },
    });
    const cfg = await (await admin.patch(`/api/teams/${created.id}/config`, { settings: { survey: 'csat' } })).json();
    expect(cfg.settings).toEqual({
      acknowledgement: { enabled: true, channels: [] },
      survey: 'csat',
      sentimentThreshold: -0.3,
      defaultLanguage: 'en',
      courtesyKeepsResolved: true,
      confirmColleagueThreads: true,
      routing: { mode: 'roundRobin', skills: true, fallbackMinutes: 5, overflowTeamId: null, overflowMinutes: 15 },
    });
    const hours = await admin.patch(`/api/teams/${created.id}/config`, {
      businessHours: { timeZone: 'Asia/Bangkok', weekly: { '6': [['10:00', '14:00']] } },
    });
    expect(hours.status).toBe(200);
    expect((await hours.json()).schedule).toEqual({
      timeZone: 'Asia/Bangkok',
      weekly: { '6': [['10:00', '14:00']] },
      holidays: [],
    });
  });
});
