import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { webhookDeliveries, webhookEndpoints } from '#server/db/schema';
import { verifyWebhook } from '#server/domain/webhookSignature';
import { ingestInbound } from '#server/services/ingest';
import { updateTeamConfig } from '#server/services/teamConfig';
import type { WebhookDelivery, WebhookEndpoint } from '#shared/schemas/webhooks';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { inbound, routeNewThreadsTo } from '#tests/factories';

const ALL = ['message.created', 'conversation.assigned', 'conversation.resolved', 'survey.answered'];

describe('outbound webhooks (loopback allowed for the test receiver)', () => {
  let app: TestApp;
  let people: Awaited<ReturnType<typeof seedPeople>>;
  let admin: AgentClient;
  let rec: Recorder;
  let failFirst = true;

  beforeAll(async () => {
    app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
    people = await seedPeople(app.db);
    routeNewThreadsTo(app.db, people.teamA);
    updateTeamConfig(app.db, people.teamA, { settings: { survey: 'csat' } });
    admin = await login(app.url, 'admin@test.local');
    // The receiver fails the very first delivery with a 500, then accepts everything.
    rec = await startRecorder(() => {
      if (failFirst) {
        failFirst = false;
        return { status: 500, json: { error: 'down' } };
      }
      return { status: 200 };
    });
  });
  afterAll(async () => {
    await rec.close();
    await app.close();
  });

  const deliveries = async (id: number) =>
    ((await (await admin.get(`/api/webhook-endpoints/${id}/deliveries`)).json()) as { items: WebhookDelivery[] }).items;

  it('is for admins only and refuses bad input with 400', async () => {
    const supervisor = await login(app.url, 'supervisor@test.local');
    expect((await supervisor.get('/api/webhook-endpoints')).status).toBe(403);
    expect((await supervisor.post('/api/webhook-endpoints', { url: rec.url, events: ALL })).status).toBe(403);
    expect((await admin.post('/api/webhook-endpoints', { url: 'ftp://example.com/x', events: ALL })).status).toBe(400);
    expect((await admin.post('/api/webhook-endpoints', { url: rec.url, events: [] })).status).toBe(400);
    expect((await admin.post('/api/webhook-endpoints', { url: rec.url, events: ['nope'] })).status).toBe(400);
    expect((await admin.del('/api/webhook-endpoints/999')).status).toBe(404);
  });

  it('signs each delivery, retries after a 500 and sends every subscribed event', async () => {
    const res = await admin.post('/api/webhook-endpoints', { url: `${rec.url}/hook`, events: ALL });
    expect(res.status).toBe(201);
    const { endpoint, secret } = (await res.json()) as { endpoint: WebhookEndpoint; secret: string };
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(endpoint).toMatchObject({ url: `${rec.url}/hook`, events: ALL });
    const listed = (await (await admin.get('/api/webhook-endpoints')).json()) as { items: object[] };
    expect(JSON.stringify(listed)).not.toContain(secret);

    const r = ingestInbound(app.braid.ctx.deps, inbound('webchat', 'visitor-1', 'พัสดุยังไม่มาค่ะ'));
    if (r.status !== 'stored') throw new Error('not stored');
    const [first, second] = await rec.waitForCalls(2);
    for (const call of [first, second]) {
      expect(call.path).toBe('/hook');
      expect(call.headers['braid-event']).toBe('message.created');
      const sig = String(call.headers['braid-signature']);
      // Computed here from the documented recipe: HMAC-SHA256(secret, "<t>.<raw body>"), hex.
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig) ?? [];
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${call.body}`).digest('hex'));
      expect(verifyWebhook(secret, call.body, sig, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifyWebhook(secret, call.body, sig, Math.floor(Date.now() / 1000) + 3600)).toBe(false);
      expect(verifyWebhook('whsec_other', call.body, sig, Math.floor(Date.now() / 1000))).toBe(false);
      expect(verifyWebhook(secret, call.body + ' ', sig, Math.floor(Date.now() / 1000))).toBe(false);
    }
    // The retry is the same delivery (receivers dedupe on its id).
    expect(second.headers['braid-delivery']).toBe(first.headers['braid-delivery']);
    const body = JSON.parse(second.body);
    expect(body).toMatchObject({ event: 'message.created', data: { message: { text: 'พัสดุยังไม่มาค่ะ' } } });
    await expect.poll(async () => (await deliveries(endpoint.id))[0]?.status).toBe('done');
    expect((await deliveries(endpoint.id))[0]).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });

    expect((await admin.post(`/api/threads/${r.threadId}/assign`, { agentId: people.agentA })).status).toBe(200);
    const resolve = { status: 'resolved', confirm: true }; // agent A's thread: the admin confirms
    expect((await admin.post(`/api/threads/${r.threadId}/status`, resolve)).status).toBe(200);
    ingestInbound(app.braid.ctx.deps, inbound('webchat', 'visitor-1', '5'), app.braid.ctx.ingestHooks);
    await expect
      .poll(() => rec.calls.map((c) => c.headers['braid-event']).filter((e) => e !== 'message.created'))
      .toEqual(expect.arrayContaining(['conversation.assigned', 'conversation.resolved', 'survey.answered']));
    const events = rec.calls.map((c) => JSON.parse(c.body));
    expect(events.find((e) => e.event === 'conversation.assigned').data.thread).toMatchObject({
      id: r.threadId,
      assigneeId: people.agentA,
    });
    expect(events.find((e) => e.event === 'survey.answered').data).toMatchObject({
      threadId: r.threadId,
      kind: 'csat',
      score: 5,
    });
    // System entries (the "assigned" line in the timeline) are not sent as messages.
    const texts = events.filter((e) => e.event === 'message.created').map((e) => e.data.message.direction);
    expect(texts).not.toContain('system');
  });

  it('gives up on a 4xx at once, and deleting an endpoint stops its deliveries', async () => {
    rec.respond(() => ({ status: 410 }));
    const res = await admin.post('/api/webhook-endpoints', { url: `${rec.url}/gone`, events: ['message.created'] });
    const { endpoint } = (await res.json()) as { endpoint: WebhookEndpoint };
    ingestInbound(app.braid.ctx.deps, inbound('webchat', 'visitor-2', 'hello'));
    await expect.poll(async () => (await deliveries(endpoint.id))[0]?.status).toBe('failed');
    expect((await deliveries(endpoint.id))[0]).toMatchObject({
      attempts: 1,
      lastStatusCode: 410,
      lastError: 'the receiver answered HTTP 410',
    });
    const listed = (await (await admin.get('/api/webhook-endpoints')).json()) as { items: WebhookEndpoint[] };
    expect(listed.items.find((e) => e.id === endpoint.id)).toMatchObject({
      counts: { pending: 0, done: 0, failed: 1 },
      lastError: 'the receiver answered HTTP 410',
    });
    expect((await admin.del(`/api/webhook-endpoints/${endpoint.id}`)).status).toBe(200);
    ingestInbound(app.braid.ctx.deps, inbound('webchat', 'visitor-2', 'again'));
    expect(app.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)).all()).toEqual(
      [],
    );
    const audit = (await (await admin.get('/api/audit?action=webhook.deleted')).json()) as { items: object[] };
    expect(audit.items[0]).toMatchObject({ actorId: admin.agentId, detail: { webhookId: endpoint.id } });
  });
});

describe('outbound webhooks without the allow setting', () => {
  let app: TestApp;
  let admin: AgentClient;
  let rec: Recorder;
  beforeAll(async () => {
    app = await startApp();
    admin = await login(app.url, 'admin@test.local');
    rec = await startRecorder();
  });
  afterAll(async () => {
    await rec.close();
    await app.close();
  });

  it('refuses loopback and link-local URLs when registering', async () => {
    for (const url of [`${rec.url}/hook`, 'http://169.254.169.254/latest/meta-data', 'http://[::1]:9/x']) {
      const res = await admin.post('/api/webhook-endpoints', { url, events: ['message.created'] });
      expect(res.status, url).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('public host');
    }
  });

  it('refuses to connect at delivery time too (an endpoint stored before the address turned internal)', async () => {
    const endpointId = app.db
      .insert(webhookEndpoints)
      .values({ url: `${rec.url}/hook`, events: ['message.created'], secret: 'whsec_x', createdAt: Date.now() })
      .returning()
      .get().id;
    ingestInbound(app.braid.ctx.deps, inbound('webchat', 'visitor-3', 'hello'));
    await expect
      .poll(() => app.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).get())
      .toMatchObject({ lastError: 'could not reach the remote service', lastStatusCode: null });
    expect(rec.calls).toHaveLength(0);
  });
});
