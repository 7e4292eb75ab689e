import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let lead: AgentClient;
let agentA: AgentClient;
let agentB: AgentClient;

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  lead = await login(app.url, 'lead@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  agentB = await login(app.url, 'agent.b@test.local');
});
afterAll(async () => {
  await app.close();
});

describe('canned responses', () => {
  it('lets leads and admins manage per-language variants and everyone read them', async () => {
    const en = await lead.post('/api/canned-responses', {
      shortcut: 'Refund',
      title: 'Refund issued',
      body: 'Your refund is on its way.',
    });
    expect(en.status).toBe(201);
    expect(await en.json()).toMatchObject({ shortcut: 'refund', language: 'en', teamId: null });
    const th = await lead.post('/api/canned-responses', {
      shortcut: 'refund',
      language: 'th',
      title: 'คืนเงินแล้ว',
      body: 'เราคืนเงินให้เรียบร้อยแล้วค่ะ',
    });
    expect(th.status).toBe(201);
    const dup = await admin.post('/api/canned-responses', {
      shortcut: 'refund',
      language: 'th',
      title: 'x',
      body: 'y',
    });
    expect(dup.status).toBe(409);
    const bad = await admin.post('/api/canned-responses', { shortcut: 'has space', title: 'x', body: '' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['shortcut', 'body']),
    );

    const seen = await (await agentA.get('/api/canned-responses')).json();
    expect(seen.items.map((c: { shortcut: string; language: string }) => `${c.shortcut}:${c.language}`)).toEqual([
      'refund:en',
      'refund:th',
    ]);
    expect((await agentA.post('/api/canned-responses', { shortcut: 'mine', title: 'x', body: 'y' })).status).toBe(403);
  });

  it('scopes team responses to the team, and leads to their own teams', async () => {
    const teamOnly = await lead.post('/api/canned-responses', {
      shortcut: 'welcome',
      title: 'Welcome A',
      body: 'Hi from team A',
      teamId: people.teamA,
    });
    expect(teamOnly.status).toBe(201);
    const { id } = await teamOnly.json();
    expect(
      (
        await lead.post('/api/canned-responses', {
          shortcut: 'welcome',
          language: 'pl',
          title: 'x',
          body: 'y',
          teamId: people.teamB,
        })
      ).status,
    ).toBe(403);
    const a = await (await agentA.get('/api/canned-responses')).json();
    const b = await (await agentB.get('/api/canned-responses')).json();
    expect(a.items.some((c: { id: number }) => c.id === id)).toBe(true);
    expect(b.items.some((c: { id: number }) => c.id === id)).toBe(false);

    const edited = await lead.patch(`/api/canned-responses/${id}`, { body: 'Hello from team A!' });
    expect(edited.status).toBe(200);
    expect((await edited.json()).body).toBe('Hello from team A!');
    expect((await lead.patch(`/api/canned-responses/${id}`, { teamId: people.teamB })).status).toBe(403);
    expect((await agentA.del(`/api/canned-responses/${id}`)).status).toBe(403);
    expect((await lead.del(`/api/canned-responses/${id}`)).status).toBe(200);
    expect((await lead.del(`/api/canned-responses/${id}`)).status).toBe(404);
  });
});
