import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { seedLead, seedPeople, startApp, type TestApp } from '#tests/helpers/app';
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
let n = 0;
const sockets: S[] = [];

/** Every `live.board` a socket receives, kept for later assertions. */
function record(s: S): BoardDelta[] {
  const got: BoardDelta[] = [];
  s.on('live.board', (d) => void got.push(d));
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

describe('GET /api/live/board', () => {
  it('is for leads (their own teams), supervisors and admins; agents get 403', async () => {
    expect((await agentA.get('/api/live/board')).status).toBe(403);
    expect((await lead.get(`/api/live/board?teamId=${people.teamB}`)).status).toBe(403);
    expect((await lead.get('/api/live/board?teamId=abc')).status).toBe(400);
    expect((await admin.get('/api/live/board?teamId=9999')).status).toBe(404);
    const mine = BoardSnapshotSchema.parse(await (await lead.get('/api/live/board')).json());
    expect(mine.teams.map((t) => t.teamId)).toEqual([people.teamA]);
    expect(mine.agents.map((a) => a.id).sort()).toEqual([people.agentA, people.agentA2, people.lead].sort());
    const all = BoardSnapshotSchema.parse(await (await admin.get('/api/live/board')).json());
    expect(all.teams.map((t) => t.teamId)).toEqual([people.teamA, people.teamB, null]);
  });
});

describe('live.board deltas', () => {
  it('reach the lead of team A for team A only, the supervisor for every team, agents never', async () => {
    const leadSocket = await lead.socket();
    const agentSocket = await agentA.socket();
    const supSocket = await (await login(app.url, 'supervisor@test.local')).socket();
    sockets.push(leadSocket, agentSocket, supSocket);
    const leadGot = record(leadSocket);
    const agentGot = record(agentSocket);
    const supGot = record(supSocket);
    const before = BoardSnapshotSchema.parse(await (await lead.get('/api/live/board')).json());

    const seen = nextEvent(leadSocket, 'live.board', (d) => d.teams.some((t) => t.queue.waiting === 1));
    const a1 = await customerWrites('a1');
    const delta = await seen;
    expect(delta.seq).toBeGreaterThan(before.seq);
    const tile = delta.teams.find((t) => t.teamId === people.teamA)!;
    expect(tile.queue).toMatchObject({ waiting: 1, unassigned: 1, open: 1 });
    expect(tile.channels).toEqual([expect.objectContaining({ channel: 'api', waiting: 1 })]);
    expect(tile.queue.oldestWaitingSince).not.toBeNull();

    // A thread moved to team B: the supervisor sees team B's tile change, the lead does not.
    const b1 = await customerWrites('b1');
    const supSawB = nextEvent(supSocket, 'live.board', (d) => d.teams.some((t) => t.teamId === people.teamB));
    expect((await admin.post(`/api/threads/${b1}/team`, { teamId: people.teamB })).status).toBe(200);
    const bDelta = await supSawB;
    expect(bDelta.teams.find((t) => t.teamId === people.teamB)!.queue.waiting).toBe(1);
    // Reassign from the board: the lead's board shows agent A's load.
    const loaded = nextEvent(leadSocket, 'live.board', (d) =>
      d.agents.some((a) => a.id === people.agentA && a.load === 1),
    );
    const res = await lead.post('/api/live/assign', { threadIds: [a1, b1], agentId: people.agentA });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.assigned).toEqual([a1]);
    expect(body.failed).toEqual([expect.objectContaining({ threadId: b1 })]);
    const agentRow = (await loaded).agents.find((a) => a.id === people.agentA)!;
    expect(agentRow).toMatchObject({ load: 1, waiting: 1, capacity: 5 });

    expect(leadGot.length).toBeGreaterThan(1);
    for (const d of leadGot) expect(d.teams.every((t) => t.teamId === people.teamA)).toBe(true);
    expect(supGot.some((d) => d.teams.some((t) => t.teamId === people.teamB))).toBe(true);
    expect(agentGot).toEqual([]);
  });
});

describe('"All teams" median wait', () => {
  /** The median "waiting since" of everyone waiting on these teams, counted thread by thread. */
  const naiveMedian = (teamIds: Array<number | null>): number | null => {
    const since = (
      app.db.$client
        .prepare(
          `select team_id as t, waiting_since as w from threads
           where status = 'open' and waiting_since is not null and merged_into_thread_id is null order by 2`,
        )
        .all() as Array<{ t: number | null; w: number }>
    )
      .filter((r) => teamIds.includes(r.t))
      .map((r) => r.w);
    const k = since.length;
    if (k === 0) return null;
    return k % 2 ? since[(k - 1) / 2] : Math.round((since[k / 2 - 1] + since[k / 2]) / 2);
  };

  it("is the median of everyone waiting on the viewer's teams, in the snapshot and live in the set's deltas", async () => {
    await seedLead(app.db, 'lead.ab@test.local', [people.teamA, people.teamB]);
    const leadAB = await login(app.url, 'lead.ab@test.local');
    const sup = await login(app.url, 'supervisor@test.local');
    const [abSocket, supSocket] = [await leadAB.socket(), await sup.socket()];
    sockets.push(abSocket, supSocket);
    const ab = [people.teamA, people.teamB];
    const every = [people.teamA, people.teamB, null];
    const one = await customerWrites('med1');
    expect((await admin.post(`/api/threads/${one}/team`, { teamId: people.teamB })).status).toBe(200);
    await customerWrites('med2');

    const snap = BoardSnapshotSchema.parse(await (await leadAB.get('/api/live/board')).json());
    expect(snap.combined).toEqual({ teamIds: ab, medianWaitingSince: naiveMedian(ab) });
    expect(snap.combined.medianWaitingSince).not.toBeNull();
    const all = BoardSnapshotSchema.parse(await (await sup.get('/api/live/board')).json());
    expect(all.combined).toEqual({ teamIds: every, medianWaitingSince: naiveMedian(every) });

    const abSaw = nextEvent(abSocket, 'live.board', (d) => d.combined !== undefined && d.seq > snap.seq);
    const supSaw = nextEvent(supSocket, 'live.board', (d) => d.combined !== undefined && d.seq > all.seq);
    await customerWrites('med3');
    const [abDelta, supDelta] = [await abSaw, await supSaw];
    expect(abDelta.combined).toEqual({ teamIds: ab, medianWaitingSince: naiveMedian(ab) });
    expect(supDelta.combined).toEqual({ teamIds: every, medianWaitingSince: naiveMedian(every) });
  });
});

describe('POST /api/live/assign', () => {
  it('is audited, shows on the thread timeline, and refuses agents and other teams', async () => {
    const t = await customerWrites('c1');
    expect((await agentA.post('/api/live/assign', { threadIds: [t], agentId: people.agentA })).status).toBe(403);
    expect((await lead.post('/api/live/assign', { threadIds: [t], agentId: people.agentB })).status).toBe(403);
    expect((await lead.post('/api/live/assign', { threadIds: [], agentId: people.agentA })).status).toBe(400);
    const ok = await lead.post('/api/live/assign', { threadIds: [t], agentId: people.agentA2 });
    expect(await ok.json()).toEqual({ assigned: [t], failed: [] });

    const detail = await (await admin.get(`/api/threads/${t}`)).json();
    expect(detail.thread.assigneeId).toBe(people.agentA2);
    const msgs = await (await admin.get(`/api/threads/${t}/messages`)).json();
    const system = msgs.items.filter((m: { direction: string }) => m.direction === 'system');
    expect(system.map((m: { text: string }) => m.text)).toContain('lead assigned the thread to agent.a2');
    const audit = await (await admin.get('/api/audit?action=thread.assigned')).json();
    expect(audit.items[0]).toMatchObject({ threadId: t, actorId: people.lead, detail: { via: 'board' } });
  });
});

describe('POST /api/live/move and /api/live/presence', () => {
  it('moves threads to another team (timeline + audit) and sets an agent away, leads only for their teams', async () => {
    const t = await customerWrites('m1');
    expect((await agentA.post('/api/live/move', { threadIds: [t], teamId: people.teamB })).status).toBe(403);
    const moved = await lead.post('/api/live/move', { threadIds: [t], teamId: people.teamB });
    expect(await moved.json()).toEqual({ assigned: [t], failed: [] });
    expect((await (await admin.get(`/api/threads/${t}`)).json()).thread.teamId).toBe(people.teamB);
    const msgs = await (await admin.get(`/api/threads/${t}/messages`)).json();
    expect(msgs.items.filter((m: { direction: string }) => m.direction === 'system')).not.toEqual([]);
    // Now in team B: the lead of team A can no longer move it (refused per thread, nothing moves).
    const again = await (await lead.post('/api/live/move', { threadIds: [t], teamId: people.teamA })).json();
    expect(again.assigned).toEqual([]);
    expect(again.failed).toEqual([expect.objectContaining({ threadId: t })]);
    expect((await (await admin.get(`/api/threads/${t}`)).json()).thread.teamId).toBe(people.teamB);
    const audit = await (await admin.get('/api/audit?action=thread.team_changed')).json();
    expect(audit.items[0]).toMatchObject({
      threadId: t,
      actorId: people.lead,
      detail: { teamId: people.teamB, via: 'board' },
    });

    const agentSocket = await agentA.socket();
    const leadSocket = await lead.socket();
    sockets.push(agentSocket, leadSocket);
    const away = nextEvent(leadSocket, 'live.board', (d) =>
      d.agents.some((a) => a.id === people.agentA && a.presence === 'away'),
    );
    const res = await lead.post('/api/live/presence', { agentId: people.agentA, presence: 'away' });
    expect(await res.json()).toEqual({ agentId: people.agentA, presence: 'away' });
    expect((await away).agents.find((a) => a.id === people.agentA)!.presenceSince).not.toBeNull();
    expect((await lead.post('/api/live/presence', { agentId: people.agentB, presence: 'away' })).status).toBe(403);
    expect((await lead.post('/api/live/presence', { agentId: people.agentA, presence: 'busy' })).status).toBe(400);
    const log = await (await admin.get('/api/audit?action=agent.presence_set')).json();
    expect(log.items[0]).toMatchObject({ actorId: people.lead, detail: { agentId: people.agentA, presence: 'away' } });
  });
});
