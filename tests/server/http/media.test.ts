import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { startRecorder, type Recorder } from '#tests/helpers/recorder';

let app: TestApp;
let media: Recorder;
const mediaUrl = () => media.url.replace('127.0.0.1', 'localhost');
let admin: AgentClient;
let secret: string;

beforeAll(async () => {
  media = await startRecorder((c) =>
    c.path.startsWith('/big')
      ? { status: 200, json: 'x'.repeat(26 * 1024 * 1024) }
      : { status: 200, json: { photo: 'bytes' } },
  );
  // Only the media stand-in (addressed as "localhost") is let through the internal-address guard;
  // Braid itself (127.0.0.1) and every other internal address stay refused.
  app = await startApp({}, { mediaAllowHosts: (h) => h === 'localhost' });
  admin = await login(app.url, 'admin@test.local');
  secret = (await createApiKey(admin)).secret;
});
afterAll(async () => {
  await app.close();
  await media.close();
});

async function messageWith(url: string, id: string) {
  const posted = await (
    await postApiMessage(app.url, secret, {
      customer: { id: `m-${id}` },
      message: { id, text: 'see attached', attachments: [{ url, name: 'photo.jpg' }] },
    })
  ).json();
  return posted.messageId as number;
}

describe('customer attachments are fetched through a guard', () => {
  it('downloads a customer file for an agent who may see the thread', async () => {
    const id = await messageWith(`${mediaUrl()}/photo.jpg`, 'a1');
    const res = await admin.get(`/api/messages/${id}/attachments/0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''photo\.jpg/);
    expect(await res.text()).toBe('{"photo":"bytes"}');
    expect((await fetch(`${app.url}/api/messages/${id}/attachments/0`)).status).toBe(401);
    expect((await admin.get(`/api/messages/${id}/attachments/7`)).status).toBe(404);
  });

  it('refuses internal addresses and oversized files', async () => {
    const internal = await messageWith(`http://169.254.169.254/latest/meta-data/`, 'a2');
    expect((await admin.get(`/api/messages/${internal}/attachments/0`)).status).toBe(422);
    const self = await messageWith(`${app.url}/healthz`, 'a3'); // Braid's own loopback port is not on the allow list
    expect((await admin.get(`/api/messages/${self}/attachments/0`)).status).toBe(422);
    const big = await messageWith(`${mediaUrl()}/big`, 'a4');
    expect((await admin.get(`/api/messages/${big}/attachments/0`)).status).toBe(413);
  });
});
