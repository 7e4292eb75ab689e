import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Socket } from 'socket.io-client';
import { outbox } from '#server/db/schema';
import { MonitorViewsSchema } from '#shared/schemas/monitor';
import { MessageSchema } from '#shared/schemas/message';
import type { WebhookDelivery } from '#shared/schemas/webhooks';
import type { ClientToServerEvents, ServerToClientEvents } from '#shared/socketEvents';
import { seedLead, seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, nextEvent, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { routeNewThreadsTo } from '#tests/factories';

// Supervisor live monitor over real HTTP, real Socket.IO and a real SQLite file: read-only opening
// (audited, no read mark), the agent's typing seen live, whispers that stay inside the team.

type S = Socket<ServerToClientEvents, ClientToServerEvents>;
let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let supervisor: AgentClient;
let leadA: AgentClient;
let leadB: AgentClient;
let agentA: AgentClient;
let agentB: AgentClient;
let rec: Recorder;
let secret: string;
let endpointId: number;
let threadId: number;
const sockets: S[] = [];

const deliveries = async () =>
  ((await (await admin.get(`/api/webhook-endpoints/${endpointId}/deliveries`)).json()) as { items: WebhookDelivery[] })
    .items;
const unreadOf = async (who: AgentClient, id: number) => {
  const list = (await (await who.get('/api/threads?status=all')).json()) as {
    items: Array<{ id: number; unreadCount?: number }>;
  };
  return list.items.find((t) => t.id === id)?.unreadCount;
};

beforeAll(async () => {
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  people = await seedPeople(app.db);
  routeNewThreadsTo(app.db, people.teamA);
  await seedLead(app.db, 'lead.b@test.local', [people.teamB]);
  admin = await login(app.url, 'admin@test.local');
  supervisor = await login(app.url, 'supervisor@test.local');
  leadA = await login(app.url, 'lead@test.local');
  leadB = await login(app.url, 'lead.b@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  agentB = await login(app.url, 'agent.b@test.local');
  rec = await startRecorder(() => ({ status: 200, json: { id: 'ok' } }));
  secret = (await createApiKey(admin, `${rec.url}/callback`)).secret;
  const hook = await admin.post('/api/webhook-endpoints', { url: `${rec.url}/hook`, events: ['message.created'] });
  endpointId = ((await hook.json()) as { endpoint: { id: number } }).endpoint.id;
  const res = await postApiMessage(app.url, secret, {
    customer: { id: 'c-monitor', name: 'Mona Customer' },
    message: { id: 'm-1', text: 'my parcel never came' },
  });
  threadId = ((await res.json()) as { threadId: number }).threadId;
  expect((await admin.post(`/api/threads/${threadId}/assign`, { agentId: people.agentA })).status).toBe(200);
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await rec.close();
  await app.close();
});

describe('opening a thread in monitor mode', () => {
  it('is refused to agents and to a lead of another team with 403 { error, code }', async () => {
    for (const who of [agentA, agentB, leadB]) {
      for (const res of [
        await who.post(`/api/threads/${threadId}/monitor`),
        await who.get(`/api/threads/${threadId}/monitor-views`),
        await who.post(`/api/threads/${threadId}/whispers`, { text: 'psst' }),
      ]) {
        expect(res.status).toBe(403);
        expect(await res.json()).toEqual({ error: expect.any(String), code: 'forbidden' });
      }
    }
    expect((await supervisor.post('/api/threads/99999/monitor')).status).toBe(404);
    expect((await supervisor.post(`/api/threads/${threadId}/whispers`, { text: '  ' })).status).toBe(400);
  });

  it('is audited and listed as "viewed by", and leaves the agent unread count alone', async () => {
    const before = await unreadOf(agentA, threadId);
    expect(before).toBe(1);
    const opened = await supervisor.post(`/api/threads/${threadId}/monitor`);
    expect(opened.status).toBe(200);
    const { views } = MonitorViewsSchema.parse(await opened.json());
    expect(views[0]).toMatchObject({ agentId: people.supervisor, agentName: 'supervisor' });
    // What the monitor view reads next: the thread and its messages.
    expect((await supervisor.get(`/api/threads/${threadId}`)).status).toBe(200);
    expect((await supervisor.get(`/api/threads/${threadId}/messages`)).status).toBe(200);
    expect(await unreadOf(agentA, threadId)).toBe(before);
    expect(await unreadOf(supervisor, threadId)).toBe(1);

    expect((await leadA.post(`/api/threads/${threadId}/monitor`)).status).toBe(200);
    const seen = MonitorViewsSchema.parse(await (await leadA.get(`/api/threads/${threadId}/monitor-views`)).json());
    expect(seen.views.map((v) => v.agentId)).toEqual([people.lead, people.supervisor]);

    const audit = (await (await admin.get('/api/audit?action=thread.monitored')).json()) as {
      items: Array<{ actorId: number; threadId: number }>;
    };
    expect(audit.items.map((e) => [e.actorId, e.threadId])).toEqual([
      [people.lead, threadId],
      [people.supervisor, threadId],
    ]);
  });
});

describe('live monitoring', () => {
  it('shows the assigned agent typing to the monitor, who is not listed as a viewer', async () => {
    const agentSocket = await agentA.socket();
    const supSocket = await supervisor.socket();
    const leadBSocket = await leadB.socket();
    sockets.push(agentSocket, supSocket, leadBSocket);
    const leadBGot: unknown[] = [];
    leadBSocket.on('thread.viewers', (v) => void leadBGot.push(v));
    await agentSocket.emitWithAck('thread.view', { threadId });
    const typing = nextEvent(supSocket, 'thread.viewers', (v) => v.threadId === threadId && v.viewers[0]?.typing);
    expect(await agentSocket.emitWithAck('thread.typing', { threadId, typing: true })).toEqual({ ok: true });
    expect((await typing).viewers).toEqual([{ agentId: people.agentA, typing: true }]);
    // A lead of another team is not in the thread's rooms and may not point a socket at it.
    expect(await leadBSocket.emitWithAck('thread.view', { threadId })).toEqual({ ok: false, error: 'forbidden' });
    expect(leadBGot).toEqual([]);
  });

  it('delivers a whisper to the assigned agent, highlighted for them, never to the customer or integrations', async () => {
    const agentSocket = sockets[0];
    const queued = (await deliveries()).length;
    expect(queued).toBeGreaterThan(0); // the customer's message went to the endpoint
    const got = nextEvent(agentSocket, 'message.created', (e) => e.message.threadId === threadId);
    const res = await supervisor.post(`/api/threads/${threadId}/whispers`, {
      text: 'Offer the refund',
      clientId: 'w1',
    });
    expect(res.status).toBe(201);
    const whisper = MessageSchema.parse(await res.json());
    expect(whisper).toMatchObject({ direction: 'note', authorAgentId: people.supervisor });
    expect(whisper.meta).toEqual({ whisper: true, forAgentId: people.agentA });
    const live = await got;
    expect(live.message.id).toBe(whisper.id);
    expect(live.message.meta).toEqual({ whisper: true, forAgentId: people.agentA });

    expect(app.db.select().from(outbox).where(eq(outbox.messageId, whisper.id)).all()).toEqual([]);
    expect(await deliveries()).toHaveLength(queued);
    const exported = (await (await admin.get(`/api/customers/${live.thread.customer.id}/export`)).json()) as {
      messages: Array<{ id: number }>;
    };
    expect(exported.messages.map((m) => m.id)).not.toContain(whisper.id);
    expect(exported.messages.length).toBeGreaterThan(0);

    // The same paths do carry an ordinary reply and note, so the checks above can fail.
    const reply = await agentA.post(`/api/threads/${threadId}/replies`, { text: 'On it' });
    const replyId = MessageSchema.parse(await reply.json()).id;
    expect(app.db.select().from(outbox).where(eq(outbox.messageId, replyId)).all()).toHaveLength(1);
    expect((await agentA.post(`/api/threads/${threadId}/notes`, { text: 'plain note' })).status).toBe(201);
    expect((await deliveries()).length).toBe(queued + 2);
  });
});
