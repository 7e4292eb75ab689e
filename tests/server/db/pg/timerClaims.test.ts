import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { readEventsAfter, transactWithEvents } from '#server/db/pg/eventLog';
import { claimSlaCrossing, claimSurveySend, tryRunExclusive, wakeDueSnoozes } from '#server/db/pg/timerClaims';
import { PG_ADMIN_URL } from '#tests/helpers/pg';
import { usePrimitiveDatabase } from './tables';

// Two "nodes" (two pools) find the same timers due at the same moment and both try to run each of
// them, in shuffled order, in transactions that claim and log an event. Every timer must run — and be
// announced — exactly once, also when a third node claims some of them and dies before COMMIT.

const DUE = 200;
const NOW = 5_000_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const shuffled = <T>(xs: T[]) =>
  xs
    .map((x) => [Math.random(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
const ids = Array.from({ length: DUE }, (_, i) => i + 1);

// Hundreds of short transactions per node, each waiting for the event log's commit order: slow on a loaded machine.
describe('timers due on two nodes at once on PostgreSQL', { timeout: 60_000 }, () => {
  const t = usePrimitiveDatabase(4);
  const nodes: pg.Pool[] = [];
  beforeAll(() => {
    nodes.push(...[0, 1].map(() => new pg.Pool({ connectionString: t.db.url, max: 8 })));
  });
  afterAll(() => Promise.all(nodes.map((n) => n.end())));

  /** Every logged event of a type, by the id it carries. */
  async function announced(type: string): Promise<number[]> {
    const all = await readEventsAfter(t.pool, 0, 100_000);
    return all.filter((e) => e.type === type).map((e) => (e.payload as { id: number }).id);
  }

  it('fires each SLA crossing once, also the ones a node claimed before it died', async () => {
    await t.pool.query('truncate sla_alerts, events restart identity');
    const crossing = (id: number) => ({
      threadId: id,
      episodeId: id,
      kind: 'first_response' as const,
      clockStartedAt: 0,
      fraction: 0.75,
      dueAt: NOW,
    });
    // Node C claims five crossings and dies (its backend is terminated) before it commits.
    const doomed = new pg.Client({ connectionString: t.db.url });
    doomed.on('error', () => undefined);
    await doomed.connect();
    await doomed.query('begin');
    for (const id of ids.slice(0, 5)) expect(await claimSlaCrossing(doomed, crossing(id), NOW)).toBe(true);
    const fire = (pool: pg.Pool, id: number) =>
      transactWithEvents(pool, async (c, emit) => {
        if (await claimSlaCrossing(c, crossing(id), NOW))
          emit({ type: 'sla.alerted', threadId: id, rooms: ['all'], payload: { id }, createdAt: NOW });
      });
    const racing = Promise.all(nodes.map((n) => Promise.all(shuffled(ids).map((id) => fire(n, id)))));
    await sleep(200);
    const pid = (doomed as unknown as { processID: number }).processID;
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await racing;
    expect((await announced('sla.alerted')).sort((a, b) => a - b)).toEqual(ids);
    expect(Number((await t.pool.query<{ n: string }>('select count(*) as n from sla_alerts')).rows[0]!.n)).toBe(DUE);
  });

  it('wakes each snoozed thread once when both nodes sweep', async () => {
    await t.pool.query('truncate threads, identities, customers, events restart identity cascade');
    await t.pool.query(
      `insert into customers (name, created_at, updated_at) select 'c' || g, 0, 0 from generate_series(1, $1) g`,
      [DUE],
    );
    await t.pool.query(
      `insert into threads (customer_id, status, snoozed_until) select g, 'snoozed', $2 - g from generate_series(1, $1) g`,
      [DUE, NOW],
    );
    const woken: number[][] = [[], []];
    const sweep = async (k: number) => {
      for (;;) {
        const { result } = await transactWithEvents(nodes[k]!, async (c, emit) => {
          const got = await wakeDueSnoozes(c, NOW, 7);
          for (const id of got)
            emit({ type: 'thread.updated', threadId: id, rooms: ['all'], payload: { id }, createdAt: NOW });
          await sleep(Math.random() * 3); // the rest of the wake-up (pause clock, system message) takes time
          return got;
        });
        if (result.length === 0) return;
        woken[k]!.push(...result);
      }
    };
    await Promise.all([0, 1, 0, 1].map(sweep));
    expect([...woken[0]!, ...woken[1]!].sort((a, b) => a - b)).toEqual(ids);
    expect(woken[0]!.length).toBeGreaterThan(0);
    expect(woken[1]!.length).toBeGreaterThan(0);
    expect((await announced('thread.updated')).sort((a, b) => a - b)).toEqual(ids);
  });

  /** Both nodes try to send the survey of every episode at once; returns the episode ids announced. */
  async function surveyRace(claim: (c: pg.PoolClient, id: number) => Promise<boolean>): Promise<number[]> {
    await t.pool.query('truncate episodes, events restart identity');
    await t.pool.query('insert into episodes (thread_id) select g from generate_series(1, $1) g', [DUE]);
    const send = (pool: pg.Pool, id: number) =>
      transactWithEvents(pool, async (c, emit) => {
        if (await claim(c, id))
          emit({ type: 'survey.sent', threadId: id, rooms: ['all'], payload: { id }, createdAt: NOW });
      });
    await Promise.all(nodes.map((n) => Promise.all(shuffled(ids).map((id) => send(n, id)))));
    return (await announced('survey.sent')).sort((a, b) => a - b);
  }

  it('sends each survey once', async () => {
    expect(await surveyRace((c, id) => claimSurveySend(c, id, 'csat', NOW))).toEqual(ids);
  });

  it('sends surveys twice when read first and then updated, as on SQLite (the check bites)', async () => {
    const sent = await surveyRace(async (c, id) => {
      const ep = await c.query<{ s: string | null }>('select survey_sent_at as s from episodes where id = $1', [id]);
      if (ep.rows[0]!.s !== null) return false;
      await sleep(Math.random() * 3);
      await c.query('update episodes set survey_kind = $2, survey_sent_at = $3 where id = $1', [id, 'csat', NOW]);
      return true;
    });
    expect(sent.length).toBeGreaterThan(DUE);
  });

  it('lets one node at a time run a sweep', async () => {
    let inside = 0;
    let most = 0;
    const attempt = (pool: pg.Pool) =>
      tryRunExclusive(pool, 'snooze-sweep', async () => {
        most = Math.max(most, ++inside);
        await sleep(50);
        inside--;
      });
    const runs = await Promise.all([...nodes, ...nodes].map(attempt));
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(most).toBe(1);
    expect((await attempt(nodes[1]!)).ran).toBe(true); // released at COMMIT
  });
});
