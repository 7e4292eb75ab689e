import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound } from '#server/services/ingest';
import { OutboxWorker } from '#server/services/outbox';
import { replyToThread } from '#server/services/replies';
import { setThreadStatus } from '#server/services/threadOps';
import { conversationBatches } from '#server/services/exports/conversations';
import { ConversationExportQuerySchema } from '#shared/schemas/exports';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';
import { inbound } from '#tests/factories';

let app: TestApp;
let supervisor: AgentClient;
let agent: AgentClient;
const admin = { id: 1, role: 'admin' as const, teamIds: [] };
const T0 = Date.UTC(2026, 2, 2, 2, 0); // 09:00 in Bangkok

/** Parse RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted || (c !== '"' && c !== ',' && c !== '\r')) cell += c;
    else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++; // the \n of \r\n
    }
  }
  return rows;
}

/** The rows of a CSV answer, after checking it starts with the UTF-8 BOM. */
async function csvOf(res: Response): Promise<string[][]> {
  const body = Buffer.from(await res.arrayBuffer());
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(body.subarray(3).toString('utf8'));
}

beforeAll(async () => {
  app = await startApp({}, { now: () => T0 + 3_600_000 });
  await seedPeople(app.db);
  const deps = { ...app.braid.ctx.deps, now: () => T0 };
  const a = ingestInbound(deps, inbound('telegram', 'tg-1', '=HYPERLINK("http://evil") พัสดุ', { providerTs: T0 }));
  if (a.status !== 'stored') throw new Error('not stored');
  // The provider accepts the reply 90 s in (a reply counts as a response only once it left Braid).
  await app.braid.ctx.outbox.stop();
  replyToThread({ ...deps, now: () => T0 + 90_000 }, admin, a.threadId, { text: 'Checking your parcel, "right" now' });
  const accept = () => Promise.resolve({ ok: true as const, providerMessageId: 'tg-1:1' });
  const worker = new OutboxWorker({ ...deps, now: () => T0 + 90_000 }, accept);
  worker.start(); // delivers what is due now
  await worker.stop(); // and waits for the outcomes to be recorded
  setThreadStatus({ ...deps, now: () => T0 + 600_000 }, admin, a.threadId, 'resolved');
  ingestInbound(deps, inbound('sms', '+48600100200', 'Gdzie jest moja przesyłka?', { providerTs: T0 + 1000 }));
  supervisor = await login(app.url, 'supervisor@test.local');
  agent = await login(app.url, 'agent.a@test.local');
});
afterAll(async () => app.close());

describe('CSV exports', () => {
  it('streams the search results with the time zone in the header and formulas neutralised', async () => {
    const res = await supervisor.get(`/api/exports/search?q=${encodeURIComponent('พัสดุ')}&tz=Asia/Bangkok`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="braid-search-/);
    const rows = await csvOf(res);
    expect(rows[0]).toContain('at (Asia/Bangkok)');
    expect(rows).toHaveLength(2);
    const textCol = rows[0].indexOf('text');
    expect(rows[1][textCol]).toBe(`'=HYPERLINK("http://evil") พัสดุ`);
    expect(rows[1][rows[0].indexOf('at (Asia/Bangkok)')]).toBe('2026-03-02 09:00:00');
  });

  it('streams conversations with their metrics, stating time zone and duration basis', async () => {
    const res = await supervisor.get('/api/exports/conversations?from=2026-03-02&to=2026-03-02&tz=UTC&basis=calendar');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-export-rows')).toBe('2');
    const rows = await csvOf(res);
    const h = rows[0];
    expect(h[0]).toBe('episode_id');
    expect(h).toContain('opened_at (UTC)');
    expect(h).toContain('first_response (calendar minutes)');
    expect(rows).toHaveLength(3);
    const resolved = rows.find((r) => r[h.indexOf('thread_status')] === 'resolved')!;
    expect(resolved[h.indexOf('first_response (calendar minutes)')]).toBe('1.5');
    expect(resolved[h.indexOf('resolution (calendar minutes)')]).toBe('10');
    expect(resolved[h.indexOf('opened_at (UTC)')]).toBe('2026-03-02 02:00:00');
    const business = await supervisor.get('/api/exports/conversations?basis=business');
    expect((await csvOf(business))[0]).toContain('resolution (business minutes)');
    const none = await supervisor.get('/api/exports/conversations?from=2026-03-03');
    expect(await csvOf(none)).toHaveLength(1);
  });

  it('is for supervisors and admins, answers 400 for bad filters, and is audited', async () => {
    expect((await agent.get('/api/exports/conversations')).status).toBe(403);
    expect((await agent.get('/api/exports/search?q=x')).status).toBe(403);
    expect((await supervisor.get('/api/exports/conversations?from=2026-02-31')).status).toBe(400);
    expect((await supervisor.get('/api/exports/search?q=x&to=2026-13-01')).status).toBe(400);
    expect((await supervisor.get('/api/exports/search')).status).toBe(400);
    const admin = await login(app.url, 'admin@test.local');
    const log = await (await admin.get('/api/audit?action=export')).json();
    expect(log.items.map((e: { detail: { kind: string } }) => e.detail.kind).sort()).toEqual([
      'conversations',
      'conversations',
      'conversations',
      'search',
    ]);
  });

  it('reads conversations in batches (keyset), every row once', () => {
    const q = ConversationExportQuerySchema.parse({});
    const batches = [...conversationBatches(app.db, admin, q, 1)].filter((b) => b.length > 0);
    expect(batches).toHaveLength(2);
    expect(new Set(batches.flat().map((r) => r[0])).size).toBe(2);
  });
});
