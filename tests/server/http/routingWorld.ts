// A Braid for the routing tests: team A auto-assigns (API-channel threads go there), team B is the
// overflow team; agent A speaks English, agent A2 Thai; the clock only moves when a test moves it.
import { expect } from 'vitest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';
import type { RoutingExplain } from '#shared/schemas/routingExplain';

/** Minutes in ms. */
export const MIN = 60_000;

/** Start the world; `routing` is team A's routing settings patch. */
export async function routingWorld(routing: Record<string, unknown> = {}) {
  const clock = { now: Date.now() };
  const app: TestApp = await startApp({}, { now: () => clock.now });
  const people = await seedPeople(app.db);
  const admin = await login(app.url, 'admin@test.local');
  const ok = async (res: Promise<Response>) => expect((await res).status).toBe(200);
  await ok(admin.put('/api/routing', { defaultTeamId: people.teamA, byChannel: {} }));
  await ok(admin.patch(`/api/teams/${people.teamA}`, { autoAssign: true }));
  await ok(admin.patch(`/api/teams/${people.teamA}/config`, { settings: { routing } }));
  await ok(admin.patch(`/api/agents/${people.agentA}`, { languages: ['en'] }));
  await ok(admin.patch(`/api/agents/${people.agentA2}`, { languages: ['th', 'en'] }));
  const { secret } = await createApiKey(admin);
  let n = 0;
  const sockets = new Map<string, { close(): void }>();
  return {
    app,
    people,
    admin,
    clock,
    /** A customer writes on the API channel; answers the thread id. */
    async post(customer: string, text: string): Promise<number> {
      const res = await postApiMessage(app.url, secret, {
        customer: { id: customer },
        message: { id: `m${++n}`, text },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { threadId: number }).threadId;
    },
    /** The thread as the admin reads it. */
    async thread(id: number): Promise<{ assigneeId: number | null; teamId: number | null }> {
      return ((await (await admin.get(`/api/threads/${id}`)).json()) as { thread: never }).thread;
    },
    async explain(id: number, who: AgentClient = admin): Promise<RoutingExplain> {
      const res = await who.get(`/api/routing/explain/${id}`);
      expect(res.status).toBe(200);
      return (await res.json()) as RoutingExplain;
    },
    /** Bring an agent online (a real socket) or take them offline. */
    async online(email: string, on = true): Promise<void> {
      if (on) sockets.set(email, await (await login(app.url, email)).socket());
      else sockets.get(email)?.close();
      await until(() => settled(app, email, on));
    },
    /** Move the clock and run the routing timers that fell due. */
    advance(ms: number): void {
      clock.now += ms;
      app.braid.ctx.routing.tick();
    },
    async close() {
      for (const s of sockets.values()) s.close();
      await app.close();
    },
  };
}

function settled(app: TestApp, email: string, on: boolean): boolean {
  const row = app.db.$client.prepare('select id from agents where email = ?').get(email) as { id: number };
  return app.braid.realtime.presence.onlineAgentIds().includes(row.id) === on;
}

/** Wait until a condition holds (presence and the scheduler's passes run on the event loop). */
export async function until(check: () => boolean | Promise<boolean>, ms = 3_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
