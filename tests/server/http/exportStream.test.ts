import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamCsv } from '#server/http/csvStream';
import { conversationBatches, countConversations, ROWS_WINDOW } from '#server/services/exports/conversations';
import { ConversationExportQuerySchema } from '#shared/schemas/exports';
import type { Db } from '#server/db/connection';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';

// A large conversations export on real SQLite over real HTTP: read window by window, every row once,
// other requests answered while it streams, and nothing more read once the client has gone.
const EPISODES = 20_000;
const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const admin = { id: 1, role: 'admin' as const, teamIds: [] };

let app: TestApp;
let supervisor: AgentClient;

/** One resolved thread with one episode per customer, an episode opened every minute from T0. */
function seedEpisodes(db: Db, n: number): void {
  const c = db.$client;
  const customer = c.prepare('insert into customers (name, created_at, updated_at) values (?, ?, ?)');
  const thread = c.prepare(
    `insert into threads (customer_id, status, last_message_at, channels, created_at, updated_at)
     values (?, 'resolved', ?, '["sms","line"]', ?, ?)`,
  );
  const episode = c.prepare('insert into episodes (thread_id, number, opened_at, resolved_at) values (?, 1, ?, ?)');
  c.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = T0 + i * MINUTE;
      const cid = customer.run(`Customer ${i}`, at, at).lastInsertRowid;
      const tid = thread.run(cid, at, at, at).lastInsertRowid;
      episode.run(tid, at, at + 10 * MINUTE);
    }
  })();
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const lines = (csv: string) => csv.split('\r\n').slice(1, -1); // no header, no final line break

beforeAll(async () => {
  app = await startApp();
  await seedPeople(app.db);
  seedEpisodes(app.db, EPISODES);
  supervisor = await login(app.url, 'supervisor@test.local');
}, 60_000);
afterAll(async () => app.close());

describe('a large conversations export', () => {
  it('streams every episode of the range once, in opening order, with the count announced', async () => {
    const from = day(T0 + 2 * 86_400_000); // episodes 2,880..5,759 (two whole days)
    const res = await supervisor.get(`/api/exports/conversations?from=${from}&to=${day(T0 + 3 * 86_400_000)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-export-rows')).toBe('2880');
    const ids = lines(await res.text()).map((l) => Number(l.split(',')[0]));
    expect(ids).toHaveLength(2880);
    expect(ids[0]).toBe(2881);
    expect(ids.every((id, i) => i === 0 || id === ids[i - 1] + 1)).toBe(true);
  });

  it('reads the range window by window, never more than a window per batch', () => {
    const q = ConversationExportQuerySchema.parse({ from: day(T0 + 2 * 86_400_000), to: day(T0 + 3 * 86_400_000) });
    const batches = [...conversationBatches(app.db, admin, q)];
    expect(batches.every((b) => b.length <= ROWS_WINDOW)).toBe(true);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(2880 / ROWS_WINDOW) + 1);
    expect(batches.flat()).toHaveLength(2880);
  });

  it('answers /healthz while it counts and while it streams', async () => {
    // Braid and this test share one event loop: a ping gets through only between the export's steps.
    const answered = { counting: 0, streaming: 0, done: 0 };
    const at: { phase: keyof typeof answered } = { phase: 'counting' };
    const exported = supervisor
      .get('/api/exports/conversations')
      .then((res) => ((at.phase = 'streaming'), res.text()))
      .finally(() => (at.phase = 'done'));
    while (at.phase !== 'done') {
      const ping = await fetch(`${app.url}/healthz`);
      expect(ping.status).toBe(200);
      answered[at.phase]++;
    }
    expect(lines(await exported)).toHaveLength(EPISODES);
    expect(answered.counting).toBeGreaterThanOrEqual(3);
    expect(answered.streaming).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('stops reading when the client goes away', async () => {
    const q = ConversationExportQuerySchema.parse({});
    let pulled = 0;
    let closed!: () => void;
    const finished = new Promise<void>((resolve) => (closed = resolve));
    function* counted() {
      try {
        for (const batch of conversationBatches(app.db, admin, q, 50)) {
          pulled++;
          yield batch;
        }
      } finally {
        closed();
      }
    }
    const server = express()
      .get('/csv', (_req, res) => void streamCsv(res, 'x.csv', ['episode_id'], counted()))
      .listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const ac = new AbortController();
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/csv`, { signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    const bound = new Promise((_, reject) => setTimeout(() => reject(new Error('export still running')), 10_000));
    await Promise.race([finished, bound]);
    server.close();
    expect(pulled).toBeGreaterThan(0);
    expect(pulled).toBeLessThan(EPISODES / 50 / 2);
  }, 30_000);

  it('stops counting when the client has gone', async () => {
    const ac = new AbortController();
    ac.abort();
    const q = ConversationExportQuerySchema.parse({});
    expect(await countConversations(app.db, admin, q)).toBe(EPISODES);
    expect(await countConversations(app.db, admin, q, ac.signal)).toBeLessThan(EPISODES);
  });
});
