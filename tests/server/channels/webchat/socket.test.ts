import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WidgetMessage } from '#shared/widget';
import { send, visitor } from '#tests/helpers/widget';
import { startApp, type TestApp } from '#tests/helpers/app';
import type { AgentClient } from '#tests/helpers/client';
import {
  adminOf,
  eventually,
  listAllThreads,
  messageCount,
  threadMessages,
} from '#tests/server/channels/webhookHelpers';
import { prng, randomJson } from '#tests/server/channels/providerFixtures';

describe('web-chat widget namespace', () => {
  let app: TestApp;
  let admin: AgentClient;
  beforeAll(async () => {
    app = await startApp({});
    admin = await adminOf(app);
  });
  afterAll(() => app.close());

  it('gives a new visitor a signed token; the same token later brings back the same visitor and history', async () => {
    const a = await visitor(app.url);
    expect(a.session.token).toMatch(/^v_[\w-]{22}\.[0-9a-z]+\.[\w-]+$/);
    const text = 'สวัสดีค่ะ 你好 Zażółć gęślą jaźń 👩🏽‍💻 \u200b  spaces  kept ';
    const r = await send(a.socket, text);
    expect(r.ok && r.message.text).toBe(text);
    a.socket.close();
    const b = await visitor(app.url, a.session.token);
    expect(b.session.visitorId).toBe(a.session.visitorId);
    expect(b.session.messages.map((m) => m.text)).toEqual([text]);
    b.socket.close();
    const forged = await visitor(
      app.url,
      a.session.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    );
    expect(forged.session.visitorId).not.toBe(a.session.visitorId);
    expect(forged.session.messages).toEqual([]);
    forged.socket.close();
  });

  it('pushes agent replies live, and a visitor who was away gets them with the history; read marks flow back', async () => {
    const v = await visitor(app.url);
    await send(v.socket, 'Is my order shipped?', { profile: { name: 'Web Visitor' } });
    const thread = (await listAllThreads(admin)).find((t) => t.customer.name === 'Web Visitor')!;
    const live = new Promise<WidgetMessage>((resolve) => v.socket.once('widget.message', resolve));
    const res = await admin.post(`/api/threads/${thread.id}/replies`, { text: 'Yes — it left today 🚚' });
    const reply = (await res.json()) as { id: number };
    expect((await live).text).toBe('Yes — it left today 🚚');
    v.socket.emit('widget.seen', { ids: [reply.id], open: true });
    await eventually(
      async () => (await threadMessages(admin, thread.id)).find((m) => m.id === reply.id)?.deliveryStatus === 'read',
    );

    v.socket.close();
    const offline = (await (
      await admin.post(`/api/threads/${thread.id}/replies`, { text: 'Tracking: PL123' })
    ).json()) as { id: number };
    await eventually(
      async () => (await threadMessages(admin, thread.id)).find((m) => m.id === offline.id)?.deliveryStatus === 'sent',
    );
    const back = await visitor(app.url, v.session.token);
    expect(back.session.messages.map((m) => m.text)).toEqual([
      'Is my order shipped?',
      'Yes — it left today 🚚',
      'Tracking: PL123',
    ]);
    expect(
      back.session.messages.filter((m) => m.from === 'agent').every((m) => m.author === 'admin' || m.author !== null),
    ).toBe(true);
    back.socket.close();
  });

  it('stores a resent clientId once, validates payloads and rate-limits a flooding visitor', async () => {
    const v = await visitor(app.url);
    const before = messageCount(app.db);
    const payload = { clientId: 'resend-0001', text: 'once' };
    const acks = await Promise.all(
      [0, 1].map(() => new Promise<{ ok: boolean }>((r) => v.socket.emit('widget.send', payload, r))),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(messageCount(app.db)).toBe(before + 1);
    for (const bad of [
      { clientId: 'x', text: 'short id' },
      { clientId: 'abcdefgh', text: '   ' },
      { clientId: 'abcdefgh', text: 'x'.repeat(5001) },
      'junk',
      null,
    ]) {
      const r = await new Promise<{ ok: boolean }>((resolve) => v.socket.emit('widget.send', bad as never, resolve));
      expect(r.ok).toBe(false);
    }
    const rng = prng(23);
    for (let i = 0; i < 100; i++) v.socket.emit('widget.seen', randomJson(rng) as never);
    const results = [];
    for (let i = 0; i < 30; i++) results.push(await send(v.socket, `flood ${i}`));
    expect(results.filter((r) => !r.ok).length).toBeGreaterThan(5);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: expect.stringMatching(/too quickly/) });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    v.socket.close();
  });

  it('serves the embeddable script and a demo page that embeds it', async () => {
    const page = await fetch(`${app.url}/widget-demo`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/widget.js" async></script>');
    const script = await fetch(`${app.url}/widget.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect([200, 404]).toContain(script.status); // 404 only when `npm run build` has not run
  });
});
