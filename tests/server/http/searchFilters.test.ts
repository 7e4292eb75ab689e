import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers, slaAlerts } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { createSlaPolicy } from '#server/services/sla';
import { updateTeamConfig } from '#server/services/teamConfig';
import { changeThreadStatus } from '#server/services/threadOps';
import type { SearchResponse } from '#shared/schemas/search';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { inbound, routeNewThreadsTo } from '#tests/factories';

// Survey score, SLA breached and tag filters, combined with Chinese and Thai text, in the search
// API and in both CSV exports (one filter table serves all three).

const H = 3_600_000;
const ids: Record<string, number> = {};
let app: TestApp;
let [supervisor, agentA, agentB]: AgentClient[] = [];

beforeAll(async () => {
  app = await startApp();
  const people = await seedPeople(app.db);
  const { deps, ingestHooks, sla } = app.braid.ctx;
  routeNewThreadsTo(app.db, people.teamA);
  updateTeamConfig(app.db, people.teamA, { settings: { survey: 'csat' } });
  createSlaPolicy(
    app.db,
    { name: 'Fast', match: {}, firstResponseMs: H, nextResponseMs: null, resolutionMs: null, businessHours: false },
    Date.now(),
  );
  sla.refreshAll();
  const put = (key: string, from: string, text: string, at = Date.now()) => {
    const r = ingestInbound(
      { ...deps, now: () => at },
      inbound('telegram', from, text, { providerTs: at }),
      ingestHooks,
    );
    if (r.status !== 'stored') throw new Error('not stored');
    ids[key] = r.messageId;
    return r;
  };
  // A refund question answered and rated 2/5; another one left waiting two hours (its one-hour
  // first-response target is breached: the scheduler records the crossing as it happens).
  const rated = put('rated', 'tg-1', '我想申请退款，订单TH88213');
  changeThreadStatus(deps, { id: 1, role: 'admin', teamIds: [] }, rated.threadId, 'resolved', undefined, () => {});
  ingestInbound(deps, inbound('telegram', 'tg-1', '2'), ingestHooks);
  const late = put('late', 'tg-2', '退款什么时候到账？', Date.now() - 2 * H);
  put('thai', 'tg-3', 'ขอคืนเงินด้วยค่ะ');
  app.db
    .update(customers)
    .set({ tags: ['vip'] })
    .where(eq(customers.id, late.customerId))
    .run();
  await vi.waitFor(() =>
    expect(app.db.select().from(slaAlerts).where(eq(slaAlerts.threadId, late.threadId)).all()).not.toEqual([]),
  );
  supervisor = await login(app.url, 'supervisor@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  agentB = await login(app.url, 'agent.b@test.local');
});
afterAll(async () => app.close());

async function search(who: AgentClient, text: string, filters = ''): Promise<number[]> {
  const res = await who.get(`/api/search?q=${encodeURIComponent(text)}${filters}`);
  expect(res.status, filters).toBe(200);
  return ((await res.json()) as SearchResponse).hits.map((h) => h.messageId).sort((x, y) => x - y);
}
const sorted = (...keys: string[]) => keys.map((k) => ids[k]).sort((x, y) => x - y);

describe('search filters beyond channel, team, agent, dates, status and sentiment', () => {
  it('narrows by CSAT/NPS score range of the episode', async () => {
    expect(await search(supervisor, '退款')).toEqual(sorted('rated', 'late'));
    expect(await search(supervisor, '退款', '&scoreMax=2')).toEqual(sorted('rated'));
    expect(await search(supervisor, '退款', '&surveyKind=csat&scoreMin=1&scoreMax=3')).toEqual(sorted('rated'));
    expect(await search(supervisor, '退款', '&scoreMin=3')).toEqual([]);
    expect(await search(supervisor, '退款', '&surveyKind=nps')).toEqual([]);
    expect(await search(supervisor, '88213', '&surveyKind=csat')).toEqual(sorted('rated'));
  });

  it('narrows by SLA breached, either way', async () => {
    expect(await search(supervisor, '退款', '&slaBreached=true')).toEqual(sorted('late'));
    expect(await search(supervisor, '退款', '&slaBreached=false')).toEqual(sorted('rated'));
    expect(await search(supervisor, 'คืนเงิน', '&slaBreached=false')).toEqual(sorted('thai'));
    expect(await search(supervisor, 'คืนเงิน', '&slaBreached=true')).toEqual([]);
  });

  it('narrows by customer tag, and filters combine', async () => {
    expect(await search(supervisor, '退款', '&tag=vip')).toEqual(sorted('late'));
    expect(await search(supervisor, '退款', '&tag=VIP')).toEqual([]);
    expect(await search(supervisor, '退款', '&tag=vip&slaBreached=true&status=open')).toEqual(sorted('late'));
    expect(await search(supervisor, '退款', '&tag=vip&scoreMax=2')).toEqual([]);
  });

  it('keeps the access rules: an agent finds only threads they could open', async () => {
    expect(await search(agentA, '退款', '&slaBreached=true')).toEqual(sorted('late'));
    expect(await search(agentB, '退款', '&slaBreached=true')).toEqual([]);
    expect(await search(agentB, '退款', '&tag=vip')).toEqual([]);
  });

  it('applies the same filters to the CSV exports', async () => {
    const rows = async (path: string) => {
      const res = await supervisor.get(path);
      expect(res.status, path).toBe(200);
      // One CSV record per line here (no cell in these rows holds a line break); minus the header.
      return (await res.text()).trim().split('\r\n').length - 1;
    };
    expect(await rows(`/api/exports/search?q=${encodeURIComponent('退款')}&slaBreached=true`)).toBe(1);
    expect(await rows(`/api/exports/search?q=${encodeURIComponent('退款')}&surveyKind=csat&scoreMax=2`)).toBe(1);
    expect(await rows('/api/exports/conversations?slaBreached=true')).toBe(1);
    expect(await rows('/api/exports/conversations?slaBreached=false')).toBe(2);
    expect(await rows('/api/exports/conversations?surveyKind=csat&scoreMin=2&scoreMax=2')).toBe(1);
    expect(await rows('/api/exports/conversations?tag=vip')).toBe(1);
  });

  it('answers 400 for bad filter values', async () => {
    const bad = [
      'scoreMin=5&scoreMax=2',
      'scoreMax=-1',
      'scoreMin=2.5',
      'surveyKind=ces',
      'slaBreached=yes',
      'tag=',
      `tag=${'x'.repeat(61)}`,
      'from=2026-03-02&to=2026-03-01',
    ];
    for (const query of bad) {
      for (const path of ['/api/search?q=x&', '/api/exports/search?q=x&', '/api/exports/conversations?']) {
        const res = await supervisor.get(`${path}${query}`);
        expect(res.status, `${path}${query}`).toBe(400);
        expect((await res.json()).code).toMatch(/request/);
      }
    }
  });
});
