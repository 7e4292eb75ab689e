// Reports run on a worker thread with its own read-only connection: while a deliberately large one
// runs, the server keeps answering health checks (bounded, loopback only). REPORT_WORKERS=0 in the
// environment runs it on the request thread, where it fails.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type TestApp } from '#tests/helpers/app';
import { login, type AgentClient } from '#tests/helpers/client';

const FACTS = 40_000;
const T0 = Date.UTC(2026, 9, 1, 10, 0, 0);
let app: TestApp;
let admin: AgentClient;
let closed = false;

/** Write FACTS answered replies straight into the fact tables (each in its own episode). */
function seedFacts(file: string) {
  const raw = new Database(file);
  raw.pragma('foreign_keys = OFF'); // the facts' messages and threads are not needed by the report read
  raw.exec(`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${FACTS})
    insert into episodes (id, thread_id, number, opened_at) select 1000000 + i, 1, i, ${T0} + i * 1000 from n;
    insert into reply_facts (message_id, episode_id, channel, outcome, at, waited_from, calendar_ms, business_ms, is_first)
      select 1000000 + e.number, e.id, 'sms', 'accepted', e.opened_at + 5000, e.opened_at, 5000 + (e.number * 7919) % 3600000,
        5000, 1 from episodes e where e.id > 1000000;`);
  raw.close();
}

beforeAll(async () => {
  app = await startApp(process.env.REPORT_WORKERS ? { REPORT_WORKERS: process.env.REPORT_WORKERS } : {});
  seedFacts(join(app.dir, 'braid.db'));
  admin = await login(app.url, 'admin@test.local');
}, 60_000);
afterAll(() => (closed ? undefined : app?.close()));

it('keeps answering /healthz while a large report runs', async () => {
  const query = `from=${T0}&to=${T0 + FACTS * 1000 + 10_000}&channel=sms`;
  let done = false;
  const report = admin.get(`/api/reports/conversations?metric=firstResponse&${query}`).then(async (res) => {
    done = true;
    return { status: res.status, body: await res.json() };
  });
  let answeredDuring = 0;
  const deadline = Date.now() + 60_000;
  while (!done && Date.now() < deadline) {
    const res = await fetch(`${app.url}/healthz`);
    await res.json();
    if (!done) answeredDuring++;
    await new Promise((r) => setTimeout(r, 10));
  }
  const answer = await report;
  expect(answer.status).toBe(200);
  expect(answer.body.total).toBe(FACTS);
  // On the request thread every ping would wait for the whole report (at most the one sent first).
  expect(answeredDuring).toBeGreaterThanOrEqual(5);
}, 90_000);

it('tells supervisors its own event-loop delay (perf_hooks), a window at a time', async () => {
  await admin.get('/api/debug/event-loop?reset=1');
  await new Promise((r) => setTimeout(r, 100));
  const res = await admin.get('/api/debug/event-loop');
  expect(res.status).toBe(200);
  const d = await res.json();
  expect(d.samples).toBeGreaterThan(0);
  expect(d.max).toBeGreaterThanOrEqual(d.p99);
});

it('stops its workers when the app closes', async () => {
  expect(app.braid.ctx.readers.workers).toBe(1);
  await app.close();
  closed = true;
  expect(app.braid.ctx.readers.workers).toBe(0);
  await expect(
    app.braid.ctx.readers.run('reportTeams', { from: 0, to: 1, teamIds: null, time: 'calendar' }),
  ).rejects.toThrow('closed');
});
