import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withAttachmentLinks } from '#server/domain/attachmentText';
import { startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';

let app: TestApp;
let agent: AgentClient;
let rec: Recorder;

beforeAll(async () => {
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  rec = await startRecorder();
  agent = await login(app.url, 'admin@test.local');
});
afterAll(async () => {
  await app.close();
  await rec.close();
});

const upload = (name: string, body: Buffer | string, type = 'application/pdf', who: AgentClient | null = agent) =>
  fetch(`${app.url}/api/uploads?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

describe('reply attachments', () => {
  it('stores an upload and serves it by its unguessable link only', async () => {
    expect((await upload('x.pdf', 'data', 'application/pdf', null)).status).toBe(401);
    const res = await upload('faktura łódź.pdf', Buffer.from('%PDF-1.4 hello'));
    expect(res.status).toBe(201);
    const a = await res.json();
    expect(a).toMatchObject({ kind: 'file', name: 'faktura łódź.pdf', mimeType: 'application/pdf', size: 14 });
    const file = await fetch(a.url);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('%PDF-1.4 hello');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
    expect((await fetch(a.url.replace(/files\/[^/]+/, 'files/guessed-token-guessed-token-guessed'))).status).toBe(404);
    expect((await upload('empty.txt', '')).status).toBe(400);
    expect((await upload('big.bin', Buffer.alloc(21 * 1024 * 1024))).status).toBe(413);
  });

  it('sends uploaded files with the reply (API callback carries them; text channels get links)', async () => {
    const key = await createApiKey(agent, `${rec.url}/cb`);
    const posted = await (
      await postApiMessage(app.url, key.secret, {
        customer: { id: 'att-1' },
        message: { id: 'a1', text: 'Can I have the invoice?' },
      })
    ).json();
    const a = await (await upload('invoice.pdf', Buffer.from('%PDF-1.4 inv'))).json();
    const reply = await agent.post(`/api/threads/${posted.threadId}/replies`, { text: 'Here it is', attachments: [a] });
    expect(reply.status).toBe(201);
    expect((await reply.json()).attachments).toEqual([expect.objectContaining({ url: a.url, name: 'invoice.pdf' })]);
    const [call] = await rec.waitForCalls(1);
    expect(JSON.parse(call.body).message.attachments).toEqual([expect.objectContaining({ url: a.url })]);
    expect(withAttachmentLinks('Here it is', [{ url: a.url, name: 'invoice.pdf' }])).toBe(
      `Here it is\n\n📎 invoice.pdf: ${a.url}`,
    );
  });
});
