import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkSuggestion } from '#shared/schemas/customer';
import type { WidgetMessage } from '#shared/widget';
import { ingestInbound } from '#server/services/ingest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { createApiKey, login, postApiMessage, type AgentClient } from '#tests/helpers/client';
import { ALLOW_LOOPBACK_OUTBOUND, startRecorder, type Recorder } from '#tests/helpers/recorder';
import { send, visitor } from '#tests/helpers/widget';
import { inbound, routeNewThreadsTo } from '#tests/factories';
import { eventually, listAllThreads, threadMessages } from '#tests/server/channels/webhookHelpers';

let app: TestApp;
let admin: AgentClient;
let agentB: AgentClient;
let callback: Recorder;

beforeAll(async () => {
  app = await startApp(ALLOW_LOOPBACK_OUTBOUND);
  const people = await seedPeople(app.db);
  routeNewThreadsTo(app.db, people.teamA); // agent.b (team B) may not see these customers
  callback = await startRecorder();
  admin = await login(app.url, 'admin@test.local');
  agentB = await login(app.url, 'agent.b@test.local');
});
afterAll(async () => {
  await app.close();
  await callback.close();
});

/** A customer who wrote on a channel that proves the address (email From, SMS sender). */
function verifiedCustomer(channel: 'email' | 'sms', address: string, name: string) {
  return ingestInbound(
    app.braid.ctx.deps,
    inbound(channel, address, `hello from ${name}`, { from: { address, displayName: name } }),
  );
}

const profile = async (customerId: number) =>
  (await (await admin.get(`/api/customers/${customerId}`)).json()) as {
    customer: { identities: Array<{ channel: string; verified: boolean }> };
    suggestions: LinkSuggestion[];
  };

describe('claimed identities are suggested, never linked on their own', () => {
  it('keeps a web visitor who types a customer’s email apart, away from that customer’s replies, until an agent confirms', async () => {
    const ola = verifiedCustomer('email', 'ola@example.pl', 'Ola Nowak');
    const v = await visitor(app.url);
    const got: WidgetMessage[] = [];
    v.socket.on('widget.message', (m) => got.push(m));
    expect((await send(v.socket, 'show me my orders', { profile: { name: 'Ola', email: 'OLA@example.pl' } })).ok).toBe(
      true,
    );

    const threads = await listAllThreads(admin);
    const visitorThread = threads.find((t) => t.customer.name === 'Ola')!;
    expect(visitorThread.id).not.toBe(ola.threadId); // not merged into Ola Nowak's thread
    expect((await threadMessages(admin, ola.threadId!)).map((m) => m.text)).toEqual(['hello from Ola Nowak']);
    expect(v.session.messages).toEqual([]);

    // The agent answers the real Ola: it goes by email, and the visitor's widget receives nothing.
    const reply = await (
      await admin.post(`/api/threads/${ola.threadId}/replies`, { text: 'Your order 7 shipped' })
    ).json();
    expect(reply.channel).toBe('email');

    // The claim shows up as a suggestion on both customers, for an agent to decide.
    const [s] = (await profile(ola.customerId!)).suggestions;
    expect(s).toMatchObject({
      matchedBy: 'email',
      suggested: { id: ola.customerId, name: 'Ola Nowak' },
      claimant: { name: 'Ola' },
    });
    expect(s.identity).toMatchObject({ channel: 'webchat', verified: false });
    expect((await profile(visitorThread.customer.id)).suggestions.map((x) => x.id)).toEqual([s.id]);
    // An agent of another team cannot act on it.
    expect((await agentB.post(`/api/link-suggestions/${s.id}/confirm`, {})).status).toBe(404);

    const confirmed = await admin.post(`/api/link-suggestions/${s.id}/confirm`, {});
    expect(confirmed.status).toBe(201);
    const merged = await profile(ola.customerId!);
    expect(merged.customer.identities.map((i) => i.channel).sort()).toEqual(['email', 'webchat']);
    expect(merged.suggestions).toEqual([]);
    expect((await admin.post(`/api/link-suggestions/${s.id}/confirm`, {})).status).toBe(409);

    // Even now that the visitor wrote last, a reply goes to the verified email unless an agent picks the chat.
    const next = await (await admin.post(`/api/threads/${ola.threadId}/replies`, { text: 'Anything else?' })).json();
    expect(next.channel).toBe('email');
    await new Promise((r) => setTimeout(r, 200));
    expect(got.map((m) => m.text)).toEqual([]);
    v.socket.close();
  });

  it('lands an API message that carries another customer’s phone in its own thread, with a suggestion an agent can dismiss', async () => {
    const piotr = verifiedCustomer('sms', '+48512345001', 'Piotr Nowak');
    const key = await createApiKey(admin, `${callback.url}/cb`);
    const res = await postApiMessage(app.url, key.secret, {
      customer: { id: 'crm-9', name: 'Mallory', phone: '+48 512 345 001' },
      message: { id: 'm-1', text: 'send me Piotr’s invoices' },
    });
    expect(res.status).toBe(201);
    const posted = (await res.json()) as { threadId: number };
    expect(posted.threadId).not.toBe(piotr.threadId);
    expect((await threadMessages(admin, piotr.threadId!)).map((m) => m.text)).toEqual(['hello from Piotr Nowak']);

    const [s] = (await profile(piotr.customerId!)).suggestions;
    expect(s).toMatchObject({
      matchedBy: 'phone',
      claimant: { name: 'Mallory' },
      identity: { channel: 'api', verified: false },
    });
    const reply = await (await admin.post(`/api/threads/${piotr.threadId}/replies`, { text: 'Hi Piotr' })).json();
    expect(reply.channel).toBe('sms');
    expect((await admin.post(`/api/link-suggestions/${s.id}/dismiss`, {})).status).toBe(204);
    expect((await profile(piotr.customerId!)).suggestions).toEqual([]);
    await eventually(async () => callback.calls.length === 0);
  });

  it('still links identities whose phone the provider proved (SMS and WhatsApp from one number)', async () => {
    const sms = verifiedCustomer('sms', '+48512345002', 'Anna');
    const wa = ingestInbound(app.braid.ctx.deps, inbound('whatsapp', 'whatsapp:+48512345002', 'też tutaj'));
    expect(wa.threadId).toBe(sms.threadId);
  });
});
