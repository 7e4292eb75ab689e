import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { threads } from '#server/db/schema';
import type { DuplicateSuggestion } from '#shared/schemas/customer';
import type { ThreadSummary } from '#shared/schemas/thread';
import { ingestInbound } from '#server/services/ingest';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { inbound, routeNewThreadsTo } from '#tests/factories';

let app: TestApp;
let admin: AgentClient;
let agentA: AgentClient;
let agentB: AgentClient;
let teamB: number;

beforeAll(async () => {
  app = await startApp();
  const people = await seedPeople(app.db);
  teamB = people.teamB;
  routeNewThreadsTo(app.db, people.teamA);
  admin = await login(app.url, 'admin@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  agentB = await login(app.url, 'agent.b@test.local');
});
afterAll(() => app.close());

function customer(channel: 'email' | 'sms' | 'line' | 'webchat', address: string, name: string) {
  const r = ingestInbound(
    app.braid.ctx.deps,
    inbound(channel, address, `hello from ${name}`, { from: { address, displayName: name } }),
  );
  return { id: r.customerId!, threadId: r.threadId! };
}

const duplicates = async (who: AgentClient, customerId: number) => {
  const res = await who.get(`/api/customers/${customerId}/duplicates`);
  return { status: res.status, items: res.ok ? ((await res.json()) as { items: DuplicateSuggestion[] }).items : [] };
};

describe('likely duplicates (same name + overlapping contact facts)', () => {
  it('suggests namesakes that share a contact fact, never a namesake with only the name, scoped like the customer', async () => {
    const piotr = customer('email', 'piotr.nowak@gmail.com', 'Piotr Nowak');
    const variant = customer('email', 'piotrnowak+sklep@gmail.com', 'piotr nowák'); // same Gmail mailbox
    const namesake = customer('line', 'U4af4980629', 'Piotr Nowak'); // nothing but the name
    const otherTeam = customer('email', 'piotr.nowak+b@gmail.com', 'Piotr Nowak');
    app.db.update(threads).set({ teamId: teamB }).where(eq(threads.id, otherTeam.threadId)).run();

    const seen = await duplicates(admin, piotr.id);
    expect(seen.status).toBe(200);
    expect(seen.items.map((s) => s.customer.id)).toEqual([variant.id, otherTeam.id]);
    expect(seen.items[0]).toMatchObject({
      strength: 'strong',
      threadId: variant.threadId,
      reasons: [{ kind: 'email_variant', value: 'piotrnowak@gmail.com' }],
    });
    expect(seen.items.map((s) => s.customer.id)).not.toContain(namesake.id);
    expect((await duplicates(admin, namesake.id)).items).toEqual([]);

    // An agent of team A does not learn about team B's customer; team B cannot open team A's customer.
    expect((await duplicates(agentA, piotr.id)).items.map((s) => s.customer.id)).toEqual([variant.id]);
    expect((await duplicates(agentB, piotr.id)).status).toBe(403);
    expect((await agentB.post(`/api/customers/${otherTeam.id}/duplicates/${piotr.id}/dismiss`)).status).toBe(403);
  });

  it('a dismissed pair is gone from both customers for good; merge uses the ordinary recorded merge', async () => {
    const a = customer('sms', '+48600100200', 'Anna Wiśniewska');
    const b = customer('sms', '+48601110200', 'anna wisniewska'); // same last four digits, same country
    const c = customer('email', 'anna.w@example.pl', 'Anna Wiśniewska');
    const d = customer('webchat', 'visitor-anna-1', 'Anna Wiśniewska');
    // The visitor typed c's email in the pre-chat form: unverified, but a fact the two share.
    ingestInbound(
      app.braid.ctx.deps,
      inbound('webchat', 'visitor-anna-1', 'again', {
        from: { address: 'visitor-anna-1', displayName: 'Anna Wiśniewska', email: 'anna.w@example.pl', claimed: true },
      }),
    );

    const first = await duplicates(agentA, a.id);
    expect(first.items).toMatchObject([
      { customer: { id: b.id }, strength: 'possible', reasons: [{ kind: 'phone_last4', value: '0200' }] },
    ]);

    expect((await agentA.post(`/api/customers/${a.id}/duplicates/${b.id}/dismiss`)).status).toBe(204);
    expect((await duplicates(agentA, a.id)).items).toEqual([]);
    expect((await duplicates(agentA, b.id)).items).toEqual([]);
    // Dismissing twice is harmless and recorded once per side.
    expect((await agentA.post(`/api/customers/${b.id}/duplicates/${a.id}/dismiss`)).status).toBe(204);
    const log = await (await admin.get(`/api/audit?action=customer.duplicate_dismissed`)).json();
    expect(log.items.filter((e: { customerId: number }) => [a.id, b.id].includes(e.customerId))).toHaveLength(2);

    const cd = await duplicates(agentA, c.id);
    expect(cd.items).toMatchObject([{ customer: { id: d.id }, strength: 'strong', reasons: [{ kind: 'email' }] }]);
    expect((await agentA.post(`/api/customers/${c.id}/merge`, { sourceCustomerId: d.id })).status).toBe(201);
    expect((await duplicates(agentA, c.id)).items).toEqual([]);
  });

  it('lists tell namesakes apart by a hint, never by a raw provider id', async () => {
    customer('sms', '+48512345123', 'Ewa Zielińska');
    customer('webchat', 'demo-visitor-38', 'Ewa Zielińska');
    const list = (await (await admin.get('/api/threads?status=all&limit=200')).json()) as { items: ThreadSummary[] };
    const ewas = list.items.filter((t) => t.customer.name === 'Ewa Zielińska');
    expect(ewas.map((t) => t.customer.hint).sort((x, y) => x!.kind.localeCompare(y!.kind))).toMatchObject([
      { kind: 'phone', text: '+48 ••• ••• 123' },
      { kind: 'visitor', channel: 'webchat', text: null },
    ]);
    const found = await (await admin.get(`/api/customers?q=${encodeURIComponent('Ewa Zielińska')}`)).json();
    expect(found.items.map((c: { hint: { text: string | null } }) => c.hint.text).sort()).toEqual([
      '+48 ••• ••• 123',
      null,
    ]);
    expect(JSON.stringify(found.items.map((c: { hint: unknown }) => c.hint))).not.toContain('demo-visitor-38');
  });
});
