import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound } from '#server/services/ingest';
import { addNote } from '#server/services/replies';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { inbound } from '#tests/factories';

let app: TestApp;
let admin: AgentClient;
let supervisor: AgentClient;
let anna: { customerId: number; threadId: number };
let other: { customerId: number; threadId: number };
const attachment = { url: 'https://files.example/p.jpg', name: 'parcel.jpg', mimeType: 'image/jpeg', size: 10 };

beforeAll(async () => {
  app = await startApp();
  await seedPeople(app.db);
  const deps = app.braid.ctx.deps;
  const put = (from: string, text: string, extra = {}) => {
    const r = ingestInbound(deps, inbound('telegram', from, text, extra));
    if (r.status !== 'stored') throw new Error('not stored');
    return r;
  };
  anna = put('tg-anna', 'Anna Wiśniewska: przesyłka 77-104 พัสดุ', {
    from: { address: 'tg-anna', displayName: 'Anna Wiśniewska' },
    attachments: [attachment],
  });
  addNote(deps, { id: 1, role: 'admin', teamIds: [] }, anna.threadId, { text: 'Anna called about 77-104' });
  other = put('tg-other', 'Druga przesyłka 77-104');
  admin = await login(app.url, 'admin@test.local');
  supervisor = await login(app.url, 'supervisor@test.local');
});
afterAll(async () => app.close());

const searchIds = async (q: string) =>
  (
    (await (await admin.get(`/api/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { threadId: number }[] }
  ).hits.map((h) => h.threadId);

describe('customer data requests', () => {
  it('exports everything about one customer as JSON, attachments listed', async () => {
    expect((await supervisor.get(`/api/customers/${anna.customerId}/export`)).status).toBe(403);
    const res = await admin.get(`/api/customers/${anna.customerId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/customer-\d+\.json/);
    const data = await res.json();
    expect(data.customer.id).toBe(anna.customerId);
    expect(data.messages.map((m: { text: string }) => m.text)).toEqual([
      'Anna Wiśniewska: przesyłka 77-104 พัสดุ',
      'Anna called about 77-104',
    ]);
    expect(data.attachments).toEqual([expect.objectContaining({ name: 'parcel.jpg' })]);
    expect(data.thread.id).toBe(anna.threadId);
  });

  it('erases a customer: nothing searchable or readable remains, the audit entry stays', async () => {
    expect(await searchIds('przesylka')).toEqual(expect.arrayContaining([anna.threadId, other.threadId]));
    expect((await supervisor.post(`/api/customers/${anna.customerId}/erase`)).status).toBe(403);
    const res = await admin.post(`/api/customers/${anna.customerId}/erase`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ messages: 2, identities: 1 });

    for (const q of ['przesylka', '77-104', 'พัสดุ', 'Anna']) {
      expect(await searchIds(q), q).not.toContain(anna.threadId);
    }
    expect(await searchIds('przesylka')).toEqual([other.threadId]);
    const people = await (await admin.get('/api/customers?q=Anna')).json();
    expect(people.items).toEqual([]);
    const left = await (await admin.get(`/api/customers/${anna.customerId}/export`)).json();
    expect(left.customer.name).toBe('Erased customer');
    expect(JSON.stringify(left.messages)).not.toMatch(/Anna|przesyłka|77-104|parcel/);
    expect(JSON.stringify(left.customer.identities)).not.toMatch(/tg-anna|Anna/);
    const events = await (await admin.get('/api/events?after=0')).json();
    expect(JSON.stringify(events)).not.toMatch(/Wiśniewska|przesyłka 77-104 พัสดุ/);
    const audit = await (await admin.get(`/api/audit?customerId=${anna.customerId}&action=customer.erased`)).json();
    expect(audit.items).toHaveLength(1);
  });
});
