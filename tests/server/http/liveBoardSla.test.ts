import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, nextEvent, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { routeNewThreadsTo } from '#tests/factories';
import { BoardSnapshotSchema, type BoardDelta } from '#shared/schemas/liveBoard';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';

type S = Socket<ServerToClientEvents, ClientToServerEvents>;
let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let lead: AgentClient;
let agentA: AgentClient;
let secret: string;
const sockets: S[] = [];

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  routeNewThreadsTo(app.db, people.teamA);
  admin = await login(app.url, 'admin@test.local');
  lead = await login(app.url, 'lead@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  secret = (await createApiKey(admin)).secret;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await app.close();
});

describe('SLA tiles on the floor board', () => {
  it('turn at risk, then breached, live; a refused reply keeps them, resolving clears them', async () => {
    // A 2-second first-response target, round the clock: 75 % at 1.5 s, breached at 2 s.
    const policy = await admin.post('/api/sla-policies', {
      name: 'fast',
      match: {},
      firstResponseMs: 2_000,
      nextResponseMs: null,
      resolutionMs: null,
      businessHours: false,
    });
    expect(policy.status).toBe(201);
    const leadSocket = await lead.socket();
    sockets.push(leadSocket);
    const teamA = (d: BoardDelta) => d.teams.find((t) => t.teamId === people.teamA)?.queue;

    const atRisk = nextEvent(leadSocket, 'live.board', (d) => teamA(d)?.slaAtRisk === 1, 5_000);
    const res = await postApiMessage(app.url, secret, {
      customer: { id: 'sla1', name: 'Customer sla1' },
      message: { id: 'sla-m1', text: 'hello' },
    });
    expect(res.status).toBe(201);
    const threadId = ((await res.json()) as { threadId: number }).threadId;
    const risk = await atRisk;
    expect(teamA(risk)).toMatchObject({ slaAtRisk: 1, slaBreached: 0 });
    expect(risk.teams.find((t) => t.teamId === people.teamA)!.channels).toEqual([
      expect.objectContaining({ channel: 'api', slaAtRisk: 1, slaBreached: 0 }),
    ]);

    const breached = await nextEvent(leadSocket, 'live.board', (d) => teamA(d)?.slaBreached === 1, 5_000);
    expect(teamA(breached)).toMatchObject({ slaAtRisk: 0, slaBreached: 1 });
    const snap = BoardSnapshotSchema.parse(await (await lead.get('/api/live/board')).json());
    expect(snap.teams[0].queue).toMatchObject({ slaAtRisk: 0, slaBreached: 1 });

    // The agent answers, but the reply is refused (the API key has no callback): the customer still
    // waits, the clock runs from the same start, the tile stays breached.
    const refused = nextEvent(
      leadSocket,
      'live.board',
      (d) => teamA(d)?.unassigned === 0 && teamA(d)?.waiting === 1,
      5_000,
    );
    expect((await agentA.post(`/api/threads/${threadId}/replies`, { text: 'On it.' })).status).toBe(201);
    expect(teamA(await refused)).toMatchObject({ waiting: 1, slaAtRisk: 0, slaBreached: 1 });
    // Resolved: every clock stops, the tile clears.
    const cleared = nextEvent(leadSocket, 'live.board', (d) => teamA(d)?.open === 0);
    expect((await agentA.post(`/api/threads/${threadId}/status`, { status: 'resolved' })).status).toBe(200);
    expect(teamA(await cleared)).toMatchObject({ slaAtRisk: 0, slaBreached: 0, waiting: 0 });
  });
});
