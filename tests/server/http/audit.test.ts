import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound } from '#server/services/ingest';
import type { AuditPage } from '#shared/schemas/audit';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { inbound } from '#tests/factories';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let supervisor: AgentClient;
let first: { threadId: number; customerId: number };
let second: { threadId: number; customerId: number };

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  const stored = (from: string, text: string) => {
    const r = ingestInbound(app.braid.ctx.deps, inbound('telegram', from, text));
    if (r.status !== 'stored') throw new Error('not stored');
    return r;
  };
  first = stored('tg-a', 'สวัสดีค่ะ ขอคืนเงิน');
  second = stored('tg-b', '退款什么时候到账？');
  admin = await login(app.url, 'admin@test.local');
  supervisor = await login(app.url, 'supervisor@test.local');
});
afterAll(async () => app.close());

async function audit(query = ''): Promise<AuditPage> {
  const res = await admin.get(`/api/audit?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
}

describe('audit log', () => {
  it('records a customer view once per session, and again in a new session', async () => {
    await supervisor.get(`/api/threads/${first.threadId}`);
    await supervisor.get(`/api/threads/${first.threadId}`);
    await supervisor.get(`/api/customers/${first.customerId}`);
    await supervisor.get(`/api/threads/${second.threadId}`);
    const mine = await audit(`actorId=${people.supervisor}&action=customer.viewed`);
    expect(mine.items.map((e) => e.customerId)).toEqual([second.customerId, first.customerId]);
    expect(mine.items[0]).toMatchObject({ actorName: 'supervisor', threadId: second.threadId });
    const again = await login(app.url, 'supervisor@test.local');
    await again.get(`/api/customers/${first.customerId}`);
    expect((await audit(`customerId=${first.customerId}&action=customer.viewed`)).items).toHaveLength(2);
  });

  it('records searches, merges and unmerges, reassignments, role changes, deactivations and settings', async () => {
    await supervisor.get(`/api/search?q=${encodeURIComponent('退款')}`);
    const merge = await (
      await admin.post(`/api/customers/${first.customerId}/merge`, { sourceCustomerId: second.customerId })
    ).json();
    expect((await admin.post(`/api/merges/${merge.id}/unmerge`)).status).toBe(200);
    await admin.post(`/api/threads/${first.threadId}/assign`, { agentId: people.agentA });
    await admin.patch(`/api/agents/${people.agentA2}`, { role: 'lead' });
    await admin.patch(`/api/agents/${people.agentB}`, { active: false });
    await admin.patch(`/api/teams/${people.teamA}/config`, { settings: { surveyKind: 'csat' } });
    const actions = (await audit()).items.map((e) => e.action);
    for (const a of [
      'search',
      'customer.merged',
      'customer.unmerged',
      'thread.assigned',
      'agent.role_changed',
      'agent.deactivated',
      'settings.changed',
    ]) {
      expect(actions, a).toContain(a);
    }
    const search = (await audit('action=search')).items[0];
    expect(search).toMatchObject({ actorId: people.supervisor, detail: { q: '退款', hits: 1 } });
    const role = (await audit('action=agent.role_changed')).items[0];
    expect(role.detail).toMatchObject({ agentId: people.agentA2, before: { role: 'agent' }, patch: { role: 'lead' } });
  });

  it('filters by date in a time zone and pages with a cursor', async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await audit(`from=${today}&to=${today}`)).items.length).toBeGreaterThan(0);
    expect((await audit('from=2020-01-01&to=2020-01-02')).items).toEqual([]);
    const page = await audit('limit=2');
    expect(page.nextCursor).not.toBeNull();
    const next = await audit(`limit=2&cursor=${page.nextCursor}`);
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
  });

  it('is for admins only, and nothing can change or delete an entry', async () => {
    expect((await supervisor.get('/api/audit')).status).toBe(403);
    expect((await admin.get('/api/audit?action=nope')).status).toBe(400);
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const res = await fetch(`${app.url}/api/audit/1`, {
        method,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      });
      expect(res.status, method).toBe(404);
    }
    const client = app.db.$client;
    expect(() => client.prepare("update audit_log set action = 'search'").run()).toThrow(/append-only/);
    expect(() => client.prepare('delete from audit_log').run()).toThrow(/append-only/);
  });
});
