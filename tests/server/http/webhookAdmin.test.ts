import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '#server/domain/webhookSignature';
import { ingestInbound } from '#server/services/ingest';
import type { WebhookDelivery, WebhookEndpoint } from '#shared/schemas/webhooks';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { inbound } from '#tests/factories';

// Secret rotation and "retry now" for a failed delivery, against a real local HTTP receiver.

let app: TestApp;
let admin: AgentClient;
let rec: Recorder;
let endpoint: WebhookEndpoint;
let oldSecret: string;
let newSecret: string;

beforeAll(async () => {
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  await seedPeople(app.db);
  admin = await login(app.url, 'admin@test.local');
  // The receiver refuses at first (a 4xx fails the delivery at once).
  rec = await startRecorder(() => ({ status: 410 }));
  const res = await admin.post('/api/webhook-endpoints', { url: `${rec.url}/hook`, events: ['message.created'] });
  ({ endpoint, secret: oldSecret } = (await res.json()) as { endpoint: WebhookEndpoint; secret: string });
});
afterAll(async () => {
  await rec.close();
  await app.close();
});

const deliveries = async () =>
  ((await (await admin.get(`/api/webhook-endpoints/${endpoint.id}/deliveries`)).json()) as { items: WebhookDelivery[] })
    .items;
const signedWith = (secret: string, call: Recorder['calls'][number]) =>
  verifyWebhook(secret, call.body, String(call.headers['braid-signature']), Math.floor(Date.now() / 1000));

describe('webhook endpoint admin', () => {
  it('rotates the secret: the new one is shown once and signs every later delivery', async () => {
    ingestInbound(app.braid.ctx.deps, inbound('webchat', 'visitor-1', 'hello'));
    await expect.poll(async () => (await deliveries())[0]?.status).toBe('failed');
    expect(signedWith(oldSecret, rec.calls[0])).toBe(true);

    const supervisor = await login(app.url, 'supervisor@test.local');
    expect((await supervisor.post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`, {})).status).toBe(403);
    expect((await admin.post('/api/webhook-endpoints/999/rotate-secret', {})).status).toBe(404);
    const res = await admin.post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`, {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { endpoint: WebhookEndpoint; secret: string };
    newSecret = body.secret;
    expect(newSecret).toMatch(/^whsec_[\w-]{43}$/);
    expect(newSecret).not.toBe(oldSecret);
    expect(body.endpoint).toMatchObject({ id: endpoint.id, url: endpoint.url });
    const listed = await (await admin.get('/api/webhook-endpoints')).text();
    expect(listed).not.toContain(newSecret);
    expect(listed).not.toContain(oldSecret);
  });

  it('retries a failed delivery now: same delivery id, signed with the current secret, audited', async () => {
    rec.respond(() => ({ status: 200 }));
    const [failed] = await deliveries();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410 });
    const supervisor = await login(app.url, 'supervisor@test.local');
    const path = `/api/webhook-endpoints/${endpoint.id}/deliveries/${failed.id}/retry`;
    expect((await supervisor.post(path, {})).status).toBe(403);
    const res = await admin.post(path, {});
    expect(res.status).toBe(200);
    expect((await res.json()).delivery).toMatchObject({ id: failed.id, status: 'pending' });
    await expect.poll(async () => (await deliveries())[0]?.status).toBe('done');
    expect((await deliveries())[0]).toMatchObject({ attempts: 2, lastStatusCode: 200, lastError: null });
    const [first, again] = rec.calls;
    expect(again.headers['braid-delivery']).toBe(first.headers['braid-delivery']);
    expect(again.body).toBe(first.body);
    expect(signedWith(newSecret, again)).toBe(true);
    expect(signedWith(oldSecret, again)).toBe(false);

    const audit = async (action: string) =>
      ((await (await admin.get(`/api/audit?action=${action}`)).json()) as { items: Array<{ detail: object }> }).items;
    expect((await audit('webhook.secret_rotated'))[0]).toMatchObject({ detail: { webhookId: endpoint.id } });
    expect(await audit('webhook.delivery_retried')).toEqual([
      expect.objectContaining({
        detail: { webhookId: endpoint.id, deliveryId: failed.id, event: 'message.created' },
      }),
    ]);
  });

  it('refuses to retry what is not a failed delivery of that endpoint', async () => {
    const [done] = await deliveries();
    const retry = (endpointId: number | string, deliveryId: number | string) =>
      admin.post(`/api/webhook-endpoints/${endpointId}/deliveries/${deliveryId}/retry`, {});
    const conflict = await retry(endpoint.id, done.id);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error).toMatch(/only failed deliveries/);
    const other = await admin.post('/api/webhook-endpoints', { url: `${rec.url}/other`, events: ['message.created'] });
    const otherId = ((await other.json()) as { endpoint: WebhookEndpoint }).endpoint.id;
    expect((await retry(otherId, done.id)).status).toBe(404);
    expect((await retry(endpoint.id, 99999)).status).toBe(404);
    expect((await retry(endpoint.id, 'abc')).status).toBe(400);
    expect((await retry(999, done.id)).status).toBe(404);
  });
});
