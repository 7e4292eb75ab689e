import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedEvent } from '#shared/schemas/events';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, nextEvent, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { eventually } from '#tests/server/channels/webhookHelpers';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let lead: AgentClient;
let secret: string;

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  lead = await login(app.url, 'lead@test.local');
  secret = (await createApiKey(admin)).secret;
});
afterAll(() => app.close());

let n = 0;
/** A customer writes on the API channel; answers { threadId }. */
const post = (customer: string, text: string): Promise<{ threadId: number }> =>
  postApiMessage(app.url, secret, { customer: { id: customer }, message: { id: `acc-${++n}`, text } }).then((r) =>
    r.json(),
  );

/** Record the texts of message.created events a socket receives. */
function texts(sock: AgentSocket): string[] {
  const seen: string[] = [];
  sock.on('message.created', (e) => seen.push(e.message.text));
  return seen;
}

describe('live events stop when access is lost', () => {
  it('disconnects a deactivated agent’s open socket at once, and it receives nothing more', async () => {
    const agent = await login(app.url, 'agent.a2@test.local');
    const sock = await agent.socket();
    const seen = texts(sock);
    const dropped = new Promise<void>((resolve) => sock.on('disconnect', () => resolve()));
    expect((await admin.patch(`/api/agents/${people.agentA2}`, { active: false })).status).toBe(200);
    await post('deact-1', 'after deactivation');
    // The supervisor's socket sees the message, so the deactivated one has had its chance to.
    const sup = await (await login(app.url, 'supervisor@test.local')).socket();
    const marker = nextEvent(sup, 'message.created', (e) => e.message.text === 'marker');
    await post('deact-1', 'marker');
    await marker;
    await dropped;
    expect(seen).toEqual([]);
    sup.close();
    sock.close();
  });

  it('gives a socket that reconnects after a team removal only the rooms of its current access', async () => {
    const agent = await login(app.url, 'agent.a@test.local');
    const teamThread = await post('team-a-1', 'team A hello');
    await lead.post(`/api/threads/${teamThread.threadId}/team`, { teamId: people.teamA });
    // Reconnect by hand; socket.io-client offers its session id and offset for state recovery.
    const sock: AgentSocket = io(app.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: agent.cookie },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
    const seen = texts(sock);
    const first = nextEvent(sock, 'message.created', (e) => e.message.text === 'team A before');
    await post('team-a-1', 'team A before');
    await first;
    const gone = new Promise<void>((resolve) => sock.once('disconnect', () => resolve()));
    const socketId = sock.id!;
    sock.io.engine.close(); // the network drops: a recoverable disconnect
    await gone;
    // Changes happen while the server knows the socket is gone (not to a still-open socket).
    await eventually(() => !app.braid.realtime.io.of('/').sockets.has(socketId));
    expect((await admin.patch(`/api/agents/${people.agentA}`, { teamIds: [] })).status).toBe(200);
    await post('team-a-1', 'team A while away');
    sock.connect();
    await new Promise<void>((resolve) => sock.once('connect', () => resolve()));
    await post('team-a-1', 'team A after');
    const marker = nextEvent(sock, 'message.created', (e) => e.message.text === 'open marker');
    await post('no-team-1', 'open marker'); // a thread with no team: still visible to the agent
    await marker;
    expect(seen).toEqual(['team A before', 'open marker']);
    sock.close();
  });
});

describe('event catch-up answers by current access', () => {
  it('leaves out history of a thread the agent can no longer open and tells the client to drop it', async () => {
    const agentB = await login(app.url, 'agent.b@test.local');
    const head = (await (await admin.get('/api/events/head')).json()).lastSeq as number;
    const t = await post('moved-1', 'said while the thread had no team');
    await lead.post(`/api/threads/${t.threadId}/team`, { teamId: people.teamA });
    await post('moved-1', 'said in team A');
    const page = (await (await agentB.get(`/api/events?after=${head}`)).json()) as { events: LoggedEvent[] };
    const about = page.events.filter(
      (e) => ('thread' in e && e.thread.id === t.threadId) || ('threadId' in e && e.threadId === t.threadId),
    );
    expect(JSON.stringify(about)).not.toMatch(/said while|said in team A/);
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((e) => e.type === 'thread.removed')).toBe(true);
    expect([403, 404]).toContain((await agentB.get(`/api/threads/${t.threadId}`)).status);
  });

  it('includes the history of a thread that moved into the agent’s team, as opening it would', async () => {
    const agentB = await login(app.url, 'agent.b@test.local');
    const head = (await (await admin.get('/api/events/head')).json()).lastSeq as number;
    const t = await post('into-b-1', 'first words');
    await lead.post(`/api/threads/${t.threadId}/team`, { teamId: people.teamA });
    await post('into-b-1', 'while in team A');
    await admin.post(`/api/threads/${t.threadId}/team`, { teamId: people.teamB });
    const page = (await (await agentB.get(`/api/events?after=${head}`)).json()) as { events: LoggedEvent[] };
    const seen = page.events.flatMap((e) =>
      e.type === 'message.created' && e.thread.id === t.threadId && e.message.direction === 'inbound'
        ? [e.message.text]
        : [],
    );
    expect(seen).toEqual(['first words', 'while in team A']);
    expect((await agentB.get(`/api/threads/${t.threadId}`)).status).toBe(200);
  });
});
