import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, nextEvent, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let agentA: AgentClient;
let lead: AgentClient;
let key: { id: number; secret: string };
let callback: Recorder;

beforeAll(async () => {
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  people = await seedPeople(app.db);
  callback = await startRecorder();
  admin = await login(app.url, 'admin@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  lead = await login(app.url, 'lead@test.local');
  key = await createApiKey(admin, `${callback.url}/braid-callback`);
});
afterAll(async () => {
  await app.close();
  await callback.close();
});

let seq = 0;
const msg = (customerId: string, text: string, extra: Record<string, unknown> = {}) => ({
  customer: { id: customerId, name: `Customer ${customerId}` },
  message: { id: `m-${++seq}`, text, ...extra },
});

describe('API channel', () => {
  it('refuses a missing or wrong key and stores nothing', async () => {
    const none = await fetch(`${app.url}/api/channels/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    expect((await postApiMessage(app.url, 'brd_wrong', msg('x', 'hi'))).status).toBe(401);
    const list = await (await admin.get('/api/threads?status=all')).json();
    expect(list.items).toHaveLength(0);
  });

  it('answers 400 with the offending fields, 413 when oversized, and stores a duplicate once', async () => {
    const bad = await postApiMessage(app.url, key.secret, { customer: {}, message: { text: 5 } });
    expect(bad.status).toBe(400);
    const issues = (await bad.json()).issues.map((i: { path: string }) => i.path);
    expect(issues).toEqual(expect.arrayContaining(['customer.id', 'message.id', 'message.text']));
    const huge = await postApiMessage(app.url, key.secret, msg('big', 'x'.repeat(1_100_000)));
    expect(huge.status).toBe(413);
    const broken = await fetch(`${app.url}/api/channels/api/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key.secret}`, 'content-type': 'application/json' },
      body: '{"customer":',
    });
    expect(broken.status).toBe(400);
    const body = msg('dup-1', 'Zamówienie 1234 nie dotarło 😠');
    const first = await postApiMessage(app.url, key.secret, body);
    const second = await postApiMessage(app.url, key.secret, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual({ ...a, status: 'duplicate' });
    const page = await (await agentA.get(`/api/threads/${a.threadId}/messages`)).json();
    expect(page.items.map((m: { text: string }) => m.text)).toEqual(['Zamówienie 1234 nie dotarło 😠']);
  });

  it('delivers a reply to the key’s callback URL through the outbox, signed, and reports it sent', async () => {
    const posted = await (await postApiMessage(app.url, key.secret, msg('cb-1', 'Is my refund done?'))).json();
    const reply = await agentA.post(`/api/threads/${posted.threadId}/replies`, { text: 'Yes, refunded today.' });
    expect(reply.status).toBe(201);
    const stored = await reply.json();
    expect(stored).toMatchObject({ direction: 'outbound', channel: 'api', deliveryStatus: 'queued' });
    const calls = await callback.waitForCalls(1);
    const call = calls.find((c) => JSON.parse(c.body).message.id === stored.id)!;
    expect(JSON.parse(call.body)).toMatchObject({
      customer: { externalId: `${key.id}:cb-1` },
      message: { text: 'Yes, refunded today.' },
    });
    expect(call.headers['x-braid-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    await waitFor(async () => {
      const page = await (await agentA.get(`/api/threads/${posted.threadId}/messages`)).json();
      return page.items.find((m: { id: number }) => m.id === stored.id)?.deliveryStatus === 'sent';
    });
  });
});

describe('thread operations over HTTP with live broadcasts', () => {
  it('broadcasts a new message to agents who may see it, and not to others', async () => {
    const sockA = await agentA.socket();
    const sockB = await (await login(app.url, 'agent.b@test.local')).socket();
    let leaked = false;
    sockB.on('message.created', (e) => {
      if (e.message.text === 'team A only') leaked = true;
    });
    const posted = await (await postApiMessage(app.url, key.secret, msg('rooms-1', 'first'))).json();
    expect((await lead.post(`/api/threads/${posted.threadId}/team`, { teamId: people.teamA })).status).toBe(200);
    const seen = nextEvent(sockA, 'message.created', (e) => e.message.text === 'team A only');
    await postApiMessage(app.url, key.secret, msg('rooms-1', 'team A only'));
    const ev = await seen;
    expect(ev.thread).toMatchObject({ id: posted.threadId, teamId: people.teamA });
    expect(ev.seq).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(leaked).toBe(false);
    const forbidden = await (await login(app.url, 'agent.b@test.local')).get(`/api/threads/${posted.threadId}`);
    expect(forbidden.status).toBe(403);
    sockA.close();
    sockB.close();
  });

  it('echoes the clientId of a reply and a note in the answer, the live event and the timeline', async () => {
    const posted = await (await postApiMessage(app.url, key.secret, msg('echo-1', 'hello?'))).json();
    const id = posted.threadId;
    const sock = await agentA.socket();
    const live = nextEvent(sock, 'message.created', (e) => e.message.text === 'on my way');
    const reply = await agentA.post(`/api/threads/${id}/replies`, { text: 'on my way', clientId: 'c-reply-1' });
    expect(reply.status).toBe(201);
    const stored = await reply.json();
    expect(stored.clientId).toBe('c-reply-1');
    expect((await live).message).toMatchObject({ id: stored.id, clientId: 'c-reply-1' });
    // A retried POST with the same key answers the stored message, still carrying the key.
    const again = await (
      await agentA.post(`/api/threads/${id}/replies`, { text: 'on my way', clientId: 'c-reply-1' })
    ).json();
    expect(again).toMatchObject({ id: stored.id, clientId: 'c-reply-1' });
    const note = await (await agentA.post(`/api/threads/${id}/notes`, { text: 'note', clientId: 'c-note-1' })).json();
    expect(note.clientId).toBe('c-note-1');
    const page = await (await agentA.get(`/api/threads/${id}/messages`)).json();
    const keys = page.items.map((m: { clientId: string | null }) => m.clientId);
    expect(keys).toEqual([null, 'c-reply-1', 'c-note-1']);
    sock.close();
  });

  it('takes, assigns (lead only), notes, snoozes and resolves, each visible in the timeline', async () => {
    const posted = await (await postApiMessage(app.url, key.secret, msg('ops-1', 'help please'))).json();
    const id = posted.threadId;
    expect((await agentA.post(`/api/threads/${id}/assign`, { agentId: people.agentA2 })).status).toBe(403);
    expect((await agentA.post(`/api/threads/${id}/take`)).status).toBe(200);
    // Agent A holds it now: moving it away, or acting on it as someone else, is confirmed first.
    expect((await lead.post(`/api/threads/${id}/assign`, { agentId: people.agentA2 })).status).toBe(409);
    const assigned = await lead.post(`/api/threads/${id}/assign`, { agentId: people.agentA2, confirm: true });
    expect((await assigned.json()).assigneeId).toBe(people.agentA2);
    expect((await agentA.post(`/api/threads/${id}/notes`, { text: 'VIP, be nice' })).status).toBe(201);
    expect((await agentA.post(`/api/threads/${id}/status`, { status: 'snoozed' })).status).toBe(400);
    const snoozed = await agentA.post(`/api/threads/${id}/status`, {
      status: 'snoozed',
      snoozedUntil: Date.now() + 3_600_000,
      confirm: true,
    });
    expect((await snoozed.json()).status).toBe('snoozed');
    const resolved = await agentA.post(`/api/threads/${id}/status`, { status: 'resolved', confirm: true });
    expect((await resolved.json()).status).toBe('resolved');
    const page = await (await agentA.get(`/api/threads/${id}/messages`)).json();
    const kinds = page.items.map((m: { direction: string; systemKind: string | null }) => m.systemKind ?? m.direction);
    expect(kinds).toEqual(['inbound', 'assigned', 'assigned', 'note', 'status', 'status']);
    const detail = await (await agentA.get(`/api/threads/${id}`)).json();
    expect(detail.episodes).toHaveLength(1);
    expect(detail.episodes[0].resolvedAt).not.toBeNull();
  });

  it('lists with filters and stable keyset pagination', async () => {
    for (let i = 0; i < 7; i++)
      await postApiMessage(
        app.url,
        key.secret,
        msg(`page-${i}`, `message ${i}`, { timestamp: Date.now() - (10 - i) * 60_000 }),
      );
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res: Response = await admin.get(`/api/threads?status=open&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      const page = await res.json();
      seen.push(...page.items.map((t: { id: number }) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await (await admin.get('/api/threads?status=open&limit=200')).json();
    expect(seen).toEqual(all.items.map((t: { id: number }) => t.id));
    expect(new Set(seen).size).toBe(seen.length);
    const waits = all.items.map((t: { waitingSince: number | null }) => t.waitingSince ?? Infinity);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    const mine = await (await agentA.get('/api/threads?status=all&assignee=me')).json();
    expect(mine.items.every((t: { assigneeId: number }) => t.assigneeId === people.agentA)).toBe(true);
    const unassigned = await (await admin.get('/api/threads?assignee=unassigned')).json();
    expect(unassigned.items.every((t: { assigneeId: number | null }) => t.assigneeId === null)).toBe(true);
    const email = await (await admin.get('/api/threads?channel=email&status=all')).json();
    expect(email.items).toHaveLength(0);
    expect((await admin.get('/api/threads?cursor=garbage')).status).toBe(400);
    expect((await admin.get('/api/threads?status=bogus')).status).toBe(400);
    expect((await admin.get('/api/nowhere')).status).toBe(404);
  });

  it('pages a long history backwards without gaps', async () => {
    const first = await (
      await postApiMessage(app.url, key.secret, msg('long-1', 'm0', { timestamp: 1_000_000 }))
    ).json();
    for (let i = 1; i < 25; i++)
      await postApiMessage(app.url, key.secret, msg('long-1', `m${i}`, { timestamp: 1_000_000 + i * 1000 }));
    const texts: string[] = [];
    let before: string | null = null;
    do {
      const res: Response = await admin.get(
        `/api/threads/${first.threadId}/messages?limit=10${before ? `&before=${before}` : ''}`,
      );
      const page = await res.json();
      texts.unshift(...page.items.map((m: { text: string }) => m.text));
      before = page.before;
    } while (before);
    expect(texts).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`));
  });

  it('merges two customers over HTTP and unmerges from the audit record', async () => {
    const a = await (await postApiMessage(app.url, key.secret, msg('merge-a', 'from a'))).json();
    const b = await (await postApiMessage(app.url, key.secret, msg('merge-b', 'from b'))).json();
    const merged = await agentA.post(`/api/customers/${a.customerId}/merge`, { sourceCustomerId: b.customerId });
    expect(merged.status).toBe(201);
    const record = await merged.json();
    expect((await agentA.get(`/api/threads/${b.threadId}`)).status).toBe(404);
    const profile = await (await agentA.get(`/api/customers/${a.customerId}`)).json();
    expect(profile.customer.identities).toHaveLength(2);
    expect(profile.merges[0].id).toBe(record.id);
    expect((await agentA.post(`/api/merges/${record.id}/unmerge`)).status).toBe(200);
    expect((await agentA.get(`/api/threads/${b.threadId}`)).status).toBe(200);
    const edited = await agentA.patch(`/api/customers/${b.customerId}`, { name: 'Bartek', notes: 'prefers SMS' });
    expect(await edited.json()).toMatchObject({ name: 'Bartek', notes: 'prefers SMS' });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
