import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '#server/domain/webhookSignature';
import { ingestInbound } from '#server/services/ingest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { inbound, routeNewThreadsTo } from '#tests/factories';

// conversation.assigned goes out for every change of assignee, whichever path made it: auto-assign
// on ingest, a reply taking an unassigned thread, the thread's assign action and the floor board.
// A real local HTTP receiver records the signed deliveries.

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let lead: AgentClient;
let rec: Recorder;
let secret: string;

beforeAll(async () => {
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  people = await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  lead = await login(app.url, 'lead@test.local');
  rec = await startRecorder();
  const res = await admin.post('/api/webhook-endpoints', { url: `${rec.url}/hook`, events: ['conversation.assigned'] });
  secret = ((await res.json()) as { secret: string }).secret;
});
afterAll(async () => {
  await rec.close();
  await app.close();
});

/** The assignee of each conversation.assigned delivery for a thread, in the order received (signatures checked). */
function assignedTo(threadId: number): Array<number | null> {
  return rec.calls
    .filter((c) => {
      expect(verifyWebhook(secret, c.body, String(c.headers['braid-signature']), Math.floor(Date.now() / 1000))).toBe(
        true,
      );
      return JSON.parse(c.body).data.thread.id === threadId;
    })
    .map((c) => {
      expect(c.headers['braid-event']).toBe('conversation.assigned');
      return JSON.parse(c.body).data.thread.assigneeId;
    });
}

const ingest = (from: string, text: string) => {
  const r = ingestInbound(app.braid.ctx.deps, inbound('webchat', from, text), app.braid.ctx.ingestHooks);
  if (r.status !== 'stored') throw new Error('not stored');
  return r.threadId;
};

describe('conversation.assigned', () => {
  it('goes out when auto-assign picks an online agent on ingest', async () => {
    expect((await admin.patch(`/api/teams/${people.teamA}`, { autoAssign: true })).status).toBe(200);
    routeNewThreadsTo(app.db, people.teamA);
    const agentA = await login(app.url, 'agent.a@test.local');
    const socket = await agentA.socket();
    const threadId = ingest('visitor-auto', 'hello, anyone there?');
    socket.close();
    await expect.poll(() => assignedTo(threadId)).toEqual([people.agentA]);
    // A second message on the same, already assigned thread assigns nothing.
    ingest('visitor-auto', 'still waiting');
    await new Promise((r) => setTimeout(r, 300));
    expect(assignedTo(threadId)).toEqual([people.agentA]);
  });

  it('goes out when a reply takes an unassigned thread, and for the assign action', async () => {
    expect((await admin.patch(`/api/teams/${people.teamA}`, { autoAssign: false })).status).toBe(200);
    const threadId = ingest('visitor-reply', 'my parcel?');
    expect((await admin.post(`/api/threads/${threadId}/replies`, { text: 'Looking now' })).status).toBe(201);
    await expect.poll(() => assignedTo(threadId)).toEqual([1]);
    expect((await admin.post(`/api/threads/${threadId}/replies`, { text: 'Found it' })).status).toBe(201);
    expect((await admin.post(`/api/threads/${threadId}/assign`, { agentId: people.agentA2 })).status).toBe(200);
    await expect.poll(() => assignedTo(threadId)).toEqual([1, people.agentA2]);
  });

  it('goes out for floor-board assignment, not for a board move that keeps the assignee', async () => {
    const threadId = ingest('visitor-board', 'refund please');
    const assign = await lead.post('/api/live/assign', { threadIds: [threadId], agentId: people.agentA });
    expect((await assign.json()).assigned).toEqual([threadId]);
    await expect.poll(() => assignedTo(threadId)).toEqual([people.agentA]);
    const move = await admin.post('/api/live/move', { threadIds: [threadId], teamId: people.teamB });
    expect((await move.json()).assigned).toEqual([threadId]);
    // The thread is team B's now: the team A lead's unassign fails for it, and nothing goes out.
    const refused = await lead.post('/api/live/assign', { threadIds: [threadId], agentId: null });
    expect((await refused.json()).assigned).toEqual([]);
    expect((await admin.post('/api/live/assign', { threadIds: [threadId], agentId: null })).status).toBe(200);
    await expect.poll(() => assignedTo(threadId)).toEqual([people.agentA, null]);
  });
});
