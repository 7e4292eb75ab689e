import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorResponseSchema } from '#shared/errors';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';

// One Braid with two teams and a person of every role; the routing starts unset.
const world = {} as { app: TestApp; people: Awaited<ReturnType<typeof seedPeople>>; admin: AgentClient };
beforeAll(async () => {
  world.app = await startApp();
  world.people = await seedPeople(world.app.db);
  world.admin = await login(world.app.url, 'admin@test.local');
});
afterAll(() => world.app.close());

describe('channel → team routing API', () => {
  it('is admins’ only: agents, leads and supervisors get 403 on read and write', async () => {
    for (const email of ['agent.a@test.local', 'lead@test.local', 'supervisor@test.local']) {
      const c = await login(world.app.url, email);
      expect((await c.get('/api/routing')).status, email).toBe(403);
      expect((await c.put('/api/routing', { defaultTeamId: null, byChannel: {} })).status, email).toBe(403);
    }
  });

  it('starts empty; a replaced routing is read back and sends a new thread of that channel to its team', async () => {
    expect(await (await world.admin.get('/api/routing')).json()).toEqual({ defaultTeamId: null, byChannel: {} });
    const routing = {
      defaultTeamId: world.people.teamA,
      byChannel: { api: world.people.teamB, line: world.people.teamA },
    };
    const put = await world.admin.put('/api/routing', routing);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(routing);
    expect(await (await world.admin.get('/api/routing')).json()).toEqual(routing);

    const { secret } = await createApiKey(world.admin);
    const sent = await postApiMessage(world.app.url, secret, {
      customer: { id: 'r1' },
      message: { id: 'r1-1', text: 'hi' },
    });
    expect(sent.status).toBe(201);
    const { threadId } = (await sent.json()) as { threadId: number };
    const thread = (await (await world.admin.get(`/api/threads/${threadId}`)).json()) as {
      thread: { teamId: number | null };
    };
    expect(thread.thread.teamId).toBe(world.people.teamB);
  });

  it('answers 400 with a reason to bad input and leaves the routing as it was', async () => {
    const before = await (await world.admin.get('/api/routing')).json();
    const bad: unknown[] = [
      {},
      { defaultTeamId: world.people.teamA },
      { defaultTeamId: 'x', byChannel: {} },
      { defaultTeamId: -1, byChannel: {} },
      { defaultTeamId: null, byChannel: { fax: world.people.teamA } },
      { defaultTeamId: null, byChannel: { sms: 1.5 } },
      { defaultTeamId: null, byChannel: {}, extra: true },
      { defaultTeamId: 999_999, byChannel: {} },
      { defaultTeamId: null, byChannel: { email: 999_998 } },
      [],
      'routing',
    ];
    for (const body of bad) {
      const res = await world.admin.put('/api/routing', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(ErrorResponseSchema.parse(await res.json()).error.length).toBeGreaterThan(0);
    }
    const unknownTeam = await world.admin.put('/api/routing', { defaultTeamId: 999_999, byChannel: {} });
    expect(((await unknownTeam.json()) as { error: string }).error).toMatch(/999999/);
    expect(await (await world.admin.get('/api/routing')).json()).toEqual(before);
  });
});
