import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { seedPeople, startApp, TEST_PASSWORD, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, nextEvent, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { routeNewThreadsTo } from '#tests/factories';
import { createAgent } from '#server/services/agents';
import { AlertListSchema, AlertSchema, type Alert } from '#shared/schemas/alerts';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';

type S = Socket<ServerToClientEvents, ClientToServerEvents>;
let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let lead: AgentClient;
let leadB: AgentClient;
let agentA: AgentClient;
let supervisor: AgentClient;
let secret: string;
let clock = Date.now();
let n = 0;
const sockets: S[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every alert a socket is pushed. */
function record(s: S): Alert[] {
  const got: Alert[] = [];
  s.on('alert.fired', (e) => void got.push(e.alert));
  return got;
}

async function customerWrites(id: string): Promise<number> {
  const res = await postApiMessage(app.url, secret, {
    customer: { id, name: `Customer ${id}` },
    message: { id: `m-${++n}`, text: `hello ${n}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { threadId: number }).threadId;
}

/** Let the gathered evaluation (10 ms) and its broadcast happen. */
const settle = () => sleep(80);

beforeAll(async () => {
  // The periodic check is driven by the test (checkAll) with a clock it moves.
  app = await startApp({}, { now: () => clock, alertCheckMs: 3_600_000 });
  people = await seedPeople(app.db);
  await createAgent(
    app.db,
    {
      email: 'lead.b@test.local',
      name: 'lead.b',
      role: 'lead',
      password: TEST_PASSWORD,
      locale: 'en',
      capacity: 5,
      teamIds: [people.teamB],
    },
    clock,
  );
  routeNewThreadsTo(app.db, people.teamA);
  admin = await login(app.url, 'admin@test.local');
  lead = await login(app.url, 'lead@test.local');
  leadB = await login(app.url, 'lead.b@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  supervisor = await login(app.url, 'supervisor@test.local');
  secret = (await createApiKey(admin)).secret;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await app.close();
});

describe('alert rules', () => {
  it('are read and replaced by leads of the team, supervisors and admins; agents 403; bad input 400', async () => {
    const url = `/api/teams/${people.teamA}/alert-rules`;
    expect((await agentA.get(url)).status).toBe(403);
    expect((await agentA.put(url, { rules: [] })).status).toBe(403);
    expect((await leadB.put(url, { rules: [] })).status).toBe(403);
    expect((await admin.get('/api/teams/9999/alert-rules')).status).toBe(404);
    const bad = [
      { rules: [{ kind: 'waiting_count', threshold: -1, enabled: true }] },
      { rules: [{ kind: 'nope', threshold: 1, enabled: true }] },
      {
        rules: [
          { kind: 'waiting_count', threshold: 1, enabled: true },
          { kind: 'waiting_count', threshold: 2, enabled: true },
        ],
      },
      { rules: 'x' },
    ];
    for (const body of bad) expect((await lead.put(url, body)).status).toBe(400);
    expect(await (await lead.get(url)).json()).toEqual({ rules: [] });
    const rules = [
      { kind: 'waiting_count', threshold: 1, enabled: true },
      { kind: 'sla_breaches_hour', threshold: 3, enabled: false },
    ];
    const put = await lead.put(url, { rules });
    expect(put.status).toBe(200);
    expect((await put.json()).rules).toEqual(expect.arrayContaining(rules));
    expect((await supervisor.get(url)).status).toBe(200);
    const audit = await (await admin.get('/api/audit?action=team.alert_rules_changed')).json();
    expect(audit.items[0]).toMatchObject({ actorId: people.lead, detail: { teamId: people.teamA } });
  });
});

describe('a waiting-count alert', () => {
  it('fires once per crossing, re-arms after clearing, and is pushed to the leads of that team only', async () => {
    const leadSocket = await lead.socket();
    const leadBSocket = await leadB.socket();
    const agentSocket = await agentA.socket();
    const supSocket = await supervisor.socket();
    sockets.push(leadSocket, leadBSocket, agentSocket, supSocket);
    const [leadGot, leadBGot, agentGot, supGot] = [leadSocket, leadBSocket, agentSocket, supSocket].map(record);
    const cleared: Alert[] = [];
    const clearedB: Alert[] = [];
    leadSocket.on('alert.cleared', (e) => void cleared.push(e.alert));
    leadBSocket.on('alert.cleared', (e) => void clearedB.push(e.alert));

    const t1 = await customerWrites('w1');
    await settle();
    expect(leadGot).toEqual([]); // 1 waiting is not above 1
    const fired = nextEvent(leadSocket, 'alert.fired');
    const t2 = await customerWrites('w2');
    const alert = (await fired).alert;
    expect(alert).toMatchObject({ teamId: people.teamA, kind: 'waiting_count', threshold: 1, value: 2 });
    expect(alert.clearedAt).toBeNull();
    await customerWrites('w3'); // still above: no second alert
    await settle();
    expect(leadGot).toHaveLength(1);

    // Back to 1 waiting: the crossing clears and the rule re-arms.
    for (const t of [t1, t2])
      expect((await admin.post(`/api/threads/${t}/status`, { status: 'resolved' })).status).toBe(200);
    await settle();
    const history = AlertListSchema.parse(await (await lead.get('/api/alerts')).json()).items;
    expect(history[0]).toMatchObject({ id: alert.id, clearedAt: clock });
    // The clearing is pushed live, once, to the team's leads only (a later check changes nothing).
    app.braid.ctx.alerts.checkAll();
    await settle();
    expect(cleared.map((a) => [a.id, a.clearedAt])).toEqual([[alert.id, clock]]);
    expect(clearedB).toEqual([]);
    const again = nextEvent(leadSocket, 'alert.fired');
    await customerWrites('w4');
    expect((await again).alert.id).not.toBe(alert.id);
    await settle();

    expect(leadGot).toHaveLength(2);
    expect(supGot).toHaveLength(2);
    expect(leadBGot).toEqual([]);
    expect(agentGot).toEqual([]);
  });
});

describe('an oldest-wait alert', () => {
  it('fires from the periodic check when the wait grows with no event', async () => {
    const url = `/api/teams/${people.teamA}/alert-rules`;
    expect(
      (await lead.put(url, { rules: [{ kind: 'oldest_wait_minutes', threshold: 5, enabled: true }] })).status,
    ).toBe(200);
    const leadSocket = await lead.socket();
    sockets.push(leadSocket);
    const got = record(leadSocket);
    app.braid.ctx.alerts.checkAll();
    await settle();
    expect(got).toEqual([]);
    clock += 6 * 60_000;
    const fired = nextEvent(leadSocket, 'alert.fired');
    app.braid.ctx.alerts.checkAll();
    expect((await fired).alert).toMatchObject({ kind: 'oldest_wait_minutes', threshold: 5, value: 6 });
    app.braid.ctx.alerts.checkAll();
    await settle();
    expect(got).toHaveLength(1);
  });
});

describe('GET /api/alerts and POST /api/alerts/:id/ack', () => {
  it('lists by status and role, records who acknowledged and when (audited), refuses agents and other teams', async () => {
    expect((await agentA.get('/api/alerts')).status).toBe(403);
    expect((await lead.get('/api/alerts?status=nope')).status).toBe(400);
    const open = AlertListSchema.parse(await (await lead.get('/api/alerts?status=open')).json()).items;
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(AlertListSchema.parse(await (await leadB.get('/api/alerts')).json()).items).toEqual([]);
    expect(AlertListSchema.parse(await (await supervisor.get('/api/alerts')).json()).items).toHaveLength(open.length);
    const target = open[0];

    expect((await agentA.post(`/api/alerts/${target.id}/ack`, {})).status).toBe(403);
    expect((await leadB.post(`/api/alerts/${target.id}/ack`, {})).status).toBe(404);
    expect((await lead.post('/api/alerts/abc/ack', {})).status).toBe(400);
    const supSocket = await supervisor.socket();
    sockets.push(supSocket);
    const pushed = nextEvent(supSocket, 'alert.acknowledged');
    clock += 1_000;
    const res = await lead.post(`/api/alerts/${target.id}/ack`, {});
    expect(res.status).toBe(200);
    const acked = AlertSchema.parse(await res.json());
    expect(acked).toMatchObject({ id: target.id, ackedById: people.lead, ackedByName: 'lead', ackedAt: clock });
    expect((await pushed).alert.id).toBe(target.id);
    expect((await lead.post(`/api/alerts/${target.id}/ack`, {})).status).toBe(409);

    const ackedList = AlertListSchema.parse(await (await lead.get('/api/alerts?status=acknowledged')).json()).items;
    expect(ackedList.map((a) => a.id)).toEqual([target.id]);
    const stillOpen = AlertListSchema.parse(await (await lead.get('/api/alerts?status=open')).json()).items;
    expect(stillOpen.map((a) => a.id)).not.toContain(target.id);
    const audit = await (await admin.get('/api/audit?action=alert.acknowledged')).json();
    expect(audit.items[0]).toMatchObject({ actorId: people.lead, at: clock, detail: { alertId: target.id } });
  });
});
