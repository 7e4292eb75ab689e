import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { customers } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { addNote, replyToThread } from '#server/services/replies';
import { assignThread, setThreadStatus } from '#server/services/threadOps';
import type { SearchResponse } from '#shared/schemas/search';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { inbound, routeNewThreadsTo } from '#tests/factories';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let supervisor: AgentClient;
let agentA: AgentClient;
let agentB: AgentClient;
const ids: Record<string, number> = {};
const admin = { id: 1, role: 'admin' as const, teamIds: [] };

beforeAll(async () => {
  app = await startApp();
  people = await seedPeople(app.db);
  const deps = app.braid.ctx.deps;
  routeNewThreadsTo(app.db, people.teamA, { sms: people.teamB });
  const put = (key: string, channel: 'telegram' | 'sms', from: string, text: string, at: number) => {
    const r = ingestInbound(deps, inbound(channel, from, text, { providerTs: at }));
    if (r.status !== 'stored') throw new Error('not stored');
    ids[key] = r.messageId;
    return r;
  };
  // Team A (telegram) and team B (sms) each have a parcel question; 2026-03-01 00:30 in Bangkok is
  // still 2026-02-28 in UTC, which the date filter must respect.
  const a = put('a', 'telegram', 'tg-1', 'พัสดุของฉันอยู่ที่ไหน', Date.UTC(2026, 1, 28, 17, 30));
  put('b', 'sms', '+48600100200', 'Gdzie jest moja przesyłka?', Date.UTC(2026, 2, 5, 12));
  const c = put('c', 'telegram', 'tg-2', 'ยังไม่ได้รับพัสดุค่ะ', Date.UTC(2026, 2, 10, 12));
  ids.reply = replyToThread(deps, admin, a.threadId, { text: 'We are checking your parcel now' }).id;
  ids.note = addNote(deps, admin, a.threadId, { text: 'Courier says the parcel is lost' }).id;
  setThreadStatus(deps, admin, c.threadId, 'resolved');
  // Team B's thread assigned to agent A: agent A may open it, so agent A finds it.
  app.db
    .update(customers)
    .set({ tags: ['vip'] })
    .where(eq(customers.id, c.customerId))
    .run();
  supervisor = await login(app.url, 'supervisor@test.local');
  agentA = await login(app.url, 'agent.a@test.local');
  agentB = await login(app.url, 'agent.b@test.local');
});
afterAll(async () => app.close());

async function search(who: AgentClient, query: string): Promise<number[]> {
  const res = await who.get(`/api/search?${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as SearchResponse;
  return body.hits.map((h) => h.messageId).sort((x, y) => x - y);
}
const q = (s: string) => `q=${encodeURIComponent(s)}`;
const sorted = (...keys: string[]) => keys.map((k) => ids[k]).sort((x, y) => x - y);

describe('GET /api/search', () => {
  it('finds inbound, outbound and notes, newest first, with highlighted snippets', async () => {
    const res = await supervisor.get(`/api/search?${q('parcel')}`);
    const body = (await res.json()) as SearchResponse;
    expect(body.hits.map((h) => h.messageId)).toEqual([ids.note, ids.reply]);
    const [hit] = body.hits;
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['parcel']);
    expect(hit).toMatchObject({ direction: 'note', customerName: expect.any(String) });
    expect(await search(supervisor, q('พัสดุ'))).toEqual(sorted('a', 'c'));
  });

  it('applies the same access rules as threads', async () => {
    expect(await search(agentA, q('przesylka'))).toEqual([]);
    expect(await search(agentB, q('przesylka'))).toEqual(sorted('b'));
    expect(await search(agentB, q('พัสดุ'))).toEqual([]);
    const b = await (await supervisor.get(`/api/search?${q('przesylka')}`)).json();
    assignThread(app.braid.ctx.deps, admin, b.hits[0].threadId, people.agentA);
    expect(await search(agentA, q('przesylka'))).toEqual(sorted('b'));
  });

  it('combines the text with filters', async () => {
    expect(await search(supervisor, `${q('พัสดุ')}&status=resolved`)).toEqual(sorted('c'));
    expect(await search(supervisor, `${q('พัสดุ')}&tag=vip`)).toEqual(sorted('c'));
    expect(await search(supervisor, `${q('przesylka')}&channel=telegram`)).toEqual([]);
    expect(await search(supervisor, `${q('przesylka')}&channel=sms&teamId=${people.teamB}`)).toEqual(sorted('b'));
    expect(await search(supervisor, `${q('parcel')}&agentId=1`)).toEqual(sorted('reply', 'note'));
    expect(await search(supervisor, `${q('parcel')}&agentId=${people.agentB}`)).toEqual([]);
  });

  it('reads the date range in the viewer time zone', async () => {
    const day = 'from=2026-03-01&to=2026-03-01';
    expect(await search(supervisor, `${q('พัสดุ')}&${day}&tz=Asia/Bangkok`)).toEqual(sorted('a'));
    expect(await search(supervisor, `${q('พัสดุ')}&${day}&tz=UTC`)).toEqual([]);
    expect(await search(supervisor, `${q('พัสดุ')}&from=2026-03-02`)).toEqual(sorted('c'));
  });

  it('pages with a cursor', async () => {
    const first = (await (await supervisor.get(`/api/search?${q('พัสดุ')}&limit=1`)).json()) as SearchResponse;
    expect(first.hits.map((h) => h.messageId)).toEqual([ids.c]);
    const next = await supervisor.get(`/api/search?${q('พัสดุ')}&limit=1&cursor=${first.nextCursor}`);
    const second = (await next.json()) as SearchResponse;
    expect(second.hits.map((h) => h.messageId)).toEqual([ids.a]);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 400, never 500, for bad filters, and nothing for operator-only text', async () => {
    for (const bad of ['cursor=zzz', 'from=2026-02-30', 'tz=Mars/Olympus', 'channel=pigeon', 'scoreMin=11']) {
      const res = await supervisor.get(`/api/search?q=x&${bad}`);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).code).toMatch(/request/);
    }
    for (const typed of ['"', '-', '*', 'NEAR(', '"unclosed', 'a OR', '^', ':', '()']) {
      const res = await supervisor.get(`/api/search?${q(typed)}`);
      expect(res.status, typed).toBe(200);
    }
    expect((await fetch(`${app.url}/api/search?q=x`)).status).toBe(401);
  });
});
