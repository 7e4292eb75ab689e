import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '#shared/errors';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
});
afterAll(() => app.close());

describe('team configuration is read by its members only', () => {
  it('answers 404 to an agent of another team and the config to members, supervisors and admins', async () => {
    const outsider = await login(app.url, 'agent.b@test.local');
    const member = await login(app.url, 'agent.a@test.local');
    const supervisor = await login(app.url, 'supervisor@test.local');
    const refused = await outsider.get(`/api/teams/${people.teamA}/config`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toMatch(/schedule|acknowledgement/);
    for (const c of [member, supervisor, admin]) {
      const res = await c.get(`/api/teams/${people.teamA}/config`);
      expect(res.status).toBe(200);
      expect(await res.json()).toHaveProperty('settings');
    }
  });
});

describe('empty or unknown-only updates answer 400', () => {
  it('refuses {} and unknown keys on every PATCH route without touching the row', async () => {
    const agentA = await login(app.url, 'agent.a@test.local');
    const lead = await login(app.url, 'lead@test.local');
    const canned = await (
      await lead.post('/api/canned-responses', { shortcut: 'hi', title: 'Hi', body: 'Hello!', language: 'en' })
    ).json();
    const { secret } = await createApiKey(admin);
    const posted = await postApiMessage(app.url, secret, {
      customer: { id: 'c-1' },
      message: { id: 'm-1', text: 'hi' },
    });
    const { customerId } = (await posted.json()) as { customerId: number };
    const routes: Array<[AgentClient, string]> = [
      [admin, `/api/teams/${people.teamA}`],
      [admin, `/api/teams/${people.teamA}/config`],
      [admin, `/api/agents/${people.agentA}`],
      [agentA, '/api/auth/me'],
      [lead, `/api/canned-responses/${canned.id}`],
      [agentA, `/api/customers/${customerId}`],
    ];
    for (const [client, path] of routes) {
      for (const body of [{}, { nonsense: 1 }]) {
        const res = await client.patch(path, body);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(ErrorResponseSchema.parse(await res.json()).code).toBe('invalid_request');
      }
    }
    const team = await (await admin.patch(`/api/teams/${people.teamA}`, { name: 'Team A2' })).json();
    expect(team.name).toBe('Team A2');
  });
});
