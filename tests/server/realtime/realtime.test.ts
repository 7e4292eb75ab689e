import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedEvent } from '#shared/schemas/events';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { connectSocket, createApiKey, login, nextEvent, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { routeNewThreadsTo } from '#tests/factories';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let secret: string;

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  secret = (await createApiKey(admin)).secret;
});
afterAll(() => app.close());

let n = 0;
const post = (customer: string, text: string) =>
  postApiMessage(app.url, secret, { customer: { id: customer }, message: { id: `rt-${++n}`, text } }).then((r) =>
    r.json(),
  );

describe('socket authentication', () => {
  it('refuses a socket without a session cookie or with a forged one', async () => {
    await expect(connectSocket(app.url)).rejects.toThrow(/unauthorized/);
    await expect(connectSocket(app.url, 'braid_session=forged')).rejects.toThrow(/unauthorized/);
  });
});

describe('reconnect catch-up', () => {
  it('returns exactly the events a disconnected agent missed, in order, with no gaps', async () => {
    const sup = await login(app.url, 'supervisor@test.local');
    const live: LoggedEvent[] = [];
    const supSock = await sup.socket();
    supSock.on('message.created', (e) => live.push(e));
    supSock.on('thread.updated', (e) => live.push(e));

    const agent = await login(app.url, 'agent.a@test.local');
    const sock = await agent.socket();
    const seen = nextEvent(sock, 'message.created', (e) => e.message.text === 'before drop');
    await post('gap-1', 'before drop');
    const lastSeq = (await seen).seq;
    sock.close(); // the agent's laptop goes to sleep

    const t = await post('gap-1', 'while away 1');
    await post('gap-2', 'while away 2');
    await admin.post(`/api/threads/${t.threadId}/take`);
    await post('gap-1', 'while away 3');
    await new Promise((r) => setTimeout(r, 100));

    const res = await agent.get(`/api/events?after=${lastSeq}`);
    const page = await res.json();
    const missed = page.events as LoggedEvent[];
    const expected = live.filter((e) => e.seq > lastSeq).sort((a, b) => a.seq - b.seq);
    expect(missed.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
    expect(
      missed
        .filter((e) => e.type === 'message.created')
        .map((e) => (e.type === 'message.created' ? e.message.text : '')),
    ).toEqual(expect.arrayContaining(['while away 1', 'while away 2', 'while away 3']));
    expect(page.more).toBe(false);
    expect(page.lastSeq).toBeGreaterThanOrEqual(missed.at(-1)!.seq);
    supSock.close();
  });

  it('never replays events of threads the agent may not see', async () => {
    const lead = await login(app.url, 'lead@test.local');
    const t = await post('hidden-1', 'secret team B matter');
    await lead.post(`/api/threads/${t.threadId}/team`, { teamId: people.teamB });
    const head = (await (await admin.get('/api/events/head')).json()).lastSeq;
    await post('hidden-1', 'team B only');
    const agentA = await login(app.url, 'agent.a@test.local');
    const agentB = await login(app.url, 'agent.b@test.local');
    const forA = (await (await agentA.get(`/api/events?after=${head}`)).json()).events as LoggedEvent[];
    const forB = (await (await agentB.get(`/api/events?after=${head}`)).json()).events as LoggedEvent[];
    const texts = (evs: LoggedEvent[]) => evs.flatMap((e) => (e.type === 'message.created' ? [e.message.text] : []));
    expect(texts(forA)).not.toContain('team B only');
    expect(texts(forB)).toContain('team B only');
  });
});

describe('presence, viewing and typing', () => {
  it('broadcasts presence and who is viewing and typing in a thread', async () => {
    const a = await login(app.url, 'agent.a@test.local');
    const a2 = await login(app.url, 'agent.a2@test.local');
    const t = await post('view-1', 'hello');
    const s1 = await a.socket();
    const online = nextEvent(s1, 'presence.changed', (lists) => lists.online.includes(people.agentA2));
    const s2 = await a2.socket();
    await online;
    const viewing = nextEvent(
      s1,
      'thread.viewers',
      (v) => v.threadId === t.threadId && v.viewers.some((x) => x.agentId === people.agentA2),
    );
    s2.emit('thread.view', { threadId: t.threadId });
    await viewing;
    const typing = nextEvent(s1, 'thread.viewers', (v) =>
      v.viewers.some((x) => x.agentId === people.agentA2 && x.typing),
    );
    s2.emit('thread.typing', { threadId: t.threadId, typing: true });
    await typing;
    const away = nextEvent(s1, 'presence.changed', (lists) => lists.away.includes(people.agentA2));
    s2.emit('presence.set', { presence: 'away' });
    await away;
    const offline = nextEvent(s1, 'presence.changed', (lists) => lists.offline.includes(people.agentA2));
    s2.close();
    await offline;
    s1.close();
  });

  it('rejects invalid or forbidden socket payloads with an error ack and stays up', async () => {
    const b = await login(app.url, 'agent.b@test.local');
    const lead = await login(app.url, 'lead@test.local');
    const t = await post('forbid-1', 'team A thing');
    await lead.post(`/api/threads/${t.threadId}/team`, { teamId: people.teamA });
    const s = await b.socket();
    const ack = (ev: 'thread.view' | 'thread.typing' | 'presence.set', payload: unknown) =>
      new Promise((resolve) =>
        (s.emit as (e: string, p: unknown, cb: (r: unknown) => void) => void)(ev, payload, resolve),
      );
    expect(await ack('thread.view', { threadId: 'x' })).toEqual({ ok: false, error: 'invalid view payload' });
    expect(await ack('presence.set', { presence: 'invisible' })).toEqual({
      ok: false,
      error: 'invalid presence payload',
    });
    expect(await ack('thread.view', { threadId: t.threadId })).toEqual({ ok: false, error: 'forbidden' });
    expect(await ack('thread.typing', null)).toEqual({ ok: false, error: 'invalid typing payload' });
    expect((await b.get('/api/auth/me')).status).toBe(200);
    s.close();
  });
});

describe('auto-assignment', () => {
  it('assigns new threads round robin to online team members within capacity', async () => {
    expect((await admin.patch(`/api/teams/${people.teamB}`, { autoAssign: true })).status).toBe(200);
    // Capacity 2: the thread moved to team B earlier waits longest, so it is served first (queue order).
    await admin.patch(`/api/agents/${people.agentB}`, { capacity: 2 });
    const b = await login(app.url, 'agent.b@test.local');
    const s = await b.socket();
    // Route new API-channel threads to team B.
    routeNewThreadsTo(app.braid.ctx.deps.db, people.teamB);
    const first = await post('auto-1', 'please help');
    const second = await post('auto-2', 'me too');
    const d1 = await (await admin.get(`/api/threads/${first.threadId}`)).json();
    const d2 = await (await admin.get(`/api/threads/${second.threadId}`)).json();
    expect(d1.thread.teamId).toBe(people.teamB);
    expect(d1.thread.assigneeId).toBe(people.agentB);
    expect(d2.thread.assigneeId).toBeNull(); // agent B is at capacity 2
    s.close();
    await new Promise((r) => setTimeout(r, 100));
    const third = await post('auto-3', 'anyone?');
    expect((await (await admin.get(`/api/threads/${third.threadId}`)).json()).thread.assigneeId).toBeNull(); // nobody online
  });
});
