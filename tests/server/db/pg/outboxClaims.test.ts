import { createServer, type Server } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { claimDeliveries, renewLeases, settleDelivery } from '#server/db/pg/outboxClaims';
import { usePrimitiveDatabase } from './tables';

// Two outbox "nodes" (child processes) deliver a few hundred replies through one PostgreSQL while a
// provider stand-in counts every send it receives. One node is killed with SIGKILL while provider
// calls of its are in flight; the other finishes everything, re-claiming the dead node's rows once
// their lease runs out.

const JOBS = 300;
const LEASE_MS = 3_000;

/** The provider stand-in: counts sends per job (counted on arrival, i.e. when the provider acts). */
interface Provider {
  url: string;
  sends: Map<number, string[]>;
  /** Sends received and not yet answered, per node. */
  open: Map<string, Set<number>>;
  close: () => Promise<void>;
}

async function startProvider(): Promise<Provider> {
  const sends = new Map<number, string[]>();
  const open = new Map<string, Set<number>>();
  const server: Server = createServer((req, res) => {
    const sent = /^\/sent\/(\d+)$/.exec(req.url ?? '');
    if (sent) {
      res.end(JSON.stringify({ sent: sends.has(Number(sent[1])) }));
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const { id, node } = JSON.parse(body) as { id: number; node: string };
      sends.set(id, [...(sends.get(id) ?? []), node]);
      const mine = open.get(node) ?? new Set<number>();
      open.set(node, mine.add(id));
      // The provider takes its time to answer, so a node killed now has calls in flight.
      setTimeout(
        () => {
          mine.delete(id);
          res.end('{}');
        },
        5 + Math.random() * 40,
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sends,
    open,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

interface NodeProc {
  proc: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

function startNode(url: string, name: string, provider: string, reconcile: boolean): NodeProc {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'outboxNode.ts')], {
    env: {
      ...process.env,
      PG_URL: url,
      NODE_NAME: name,
      PROVIDER_URL: provider,
      LEASE_MS: String(LEASE_MS),
      RECONCILE: reconcile ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  proc.stdout?.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, lines, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Empties the outbox and queues JOBS deliveries due now. */
async function queueJobs(pool: pg.Pool): Promise<void> {
  await pool.query('truncate outbox restart identity');
  await pool.query(
    `insert into outbox (message_id, status, next_attempt_at) select g, 'pending', 0 from generate_series(1, $1) g`,
    [JOBS],
  );
}

/** Queues the jobs, runs nodes A and B, kills A mid-call, waits for B to finish; returns what happened. */
async function raceWithKill(pool: pg.Pool, url: string, reconcile: boolean) {
  await queueJobs(pool);
  const provider = await startProvider();
  const a = startNode(url, 'A', provider.url, reconcile);
  const b = startNode(url, 'B', provider.url, reconcile);
  try {
    await until(
      'node A to have provider calls in flight',
      () => provider.sends.size >= JOBS / 5 && (provider.open.get('A')?.size ?? 0) >= 2,
    );
    a.proc.kill('SIGKILL');
    const inFlightAtKill = new Set(provider.open.get('A'));
    expect(await a.exited).toBe(null);
    expect(await b.exited).toBe(0);
    const rows = await pool.query<{ status: string; claimed_by: string | null; n: string }>(
      'select status, claimed_by, count(*) as n from outbox group by status, claimed_by',
    );
    // Every job ends delivered and released, whichever node finished it.
    expect(rows.rows).toEqual([{ status: 'done', claimed_by: null, n: String(JOBS) }]);
    return { provider, inFlightAtKill, nodeA: a.lines, nodeB: b.lines };
  } finally {
    a.proc.kill('SIGKILL');
    b.proc.kill('SIGKILL');
    await provider.close();
  }
}

describe('outbox claims across nodes on PostgreSQL', () => {
  const t = usePrimitiveDatabase(4);

  // Two child processes start (tsx) and one lease must run out: well above the default 20 s on a loaded machine.
  it(
    'delivers every job exactly once when the provider can be asked, though a node dies mid-call',
    { timeout: 90_000 },
    async () => {
      const r = await raceWithKill(t.pool, t.db.url, true);
      expect([...r.provider.sends.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: JOBS }, (_, i) => i + 1));
      const twice = [...r.provider.sends].filter(([, nodes]) => nodes.length > 1);
      expect(twice).toEqual([]);
      // The kill hit calls the provider had acted on: B found them sent and did not send again.
      const found = r.nodeB.filter((l) => l.endsWith(' found')).map((l) => Number(l.split(' ')[1]));
      expect(found.length).toBeGreaterThan(0);
      for (const id of r.inFlightAtKill) expect(found).toContain(id);
      expect(new Set([...r.provider.sends.values()].flat())).toEqual(new Set(['A', 'B']));
    },
  );

  it(
    're-sends only the calls a killed node had in flight when the provider cannot be asked (at least once)',
    { timeout: 90_000 },
    async () => {
      const r = await raceWithKill(t.pool, t.db.url, false);
      expect(r.provider.sends.size).toBe(JOBS);
      const twice = [...r.provider.sends].filter(([, nodes]) => nodes.length > 1).map(([id]) => id);
      expect(twice.length).toBeGreaterThan(0);
      expect([...r.nodeA.map((l) => `A ${l}`), ...r.nodeB.map((l) => `B ${l}`)].filter((l) => /lost/.test(l))).toEqual(
        [],
      );
      // Duplicates are the dead node's calls whose answer it never recorded — every call still open at the
      // provider when it died, at most its 8 in flight — each re-sent once by B, never anything else.
      for (const id of r.inFlightAtKill) expect(twice).toContain(id);
      expect(twice.length).toBeLessThanOrEqual(8);
      for (const id of twice) expect(r.provider.sends.get(id)).toEqual(['A', 'B']);
    },
  );

  it('never hands one row to two claimers polling at the same moment from two pools', async () => {
    await queueJobs(t.pool);
    const nodes = ['A', 'B'].map((name) => ({ name, pool: new pg.Pool({ connectionString: t.db.url, max: 10 }) }));
    try {
      // Both pools open their connections first, so that neither drains the queue while the other connects.
      await Promise.all(nodes.flatMap((n) => Array.from({ length: 10 }, () => n.pool.query('select pg_sleep(0.05)'))));
      const claimedBy = new Map<number, string[]>();
      const claimer = async (node: (typeof nodes)[number], k: number) => {
        for (;;) {
          const got = await claimDeliveries(node.pool, { node: node.name, now: Date.now(), leaseMs: 60_000, limit: 3 });
          if (got.length === 0) return;
          for (const c of got) claimedBy.set(c.id, [...(claimedBy.get(c.id) ?? []), `${node.name}${k}`]);
        }
      };
      await Promise.all(nodes.flatMap((n) => Array.from({ length: 10 }, (_, k) => claimer(n, k))));
      expect(claimedBy.size).toBe(JOBS);
      expect([...claimedBy].filter(([, who]) => who.length > 1)).toEqual([]);
      expect(new Set([...claimedBy.values()].map((w) => w[0]![0]))).toEqual(new Set(['A', 'B']));
    } finally {
      await Promise.all(nodes.map((n) => n.pool.end()));
    }
  });

  it('fences a node that stalled past its lease: the row is re-claimed in doubt and the old holder cannot settle it', async () => {
    await t.pool.query('truncate outbox restart identity');
    await t.pool.query(
      `insert into outbox (message_id, status, next_attempt_at) values (1, 'pending', 0), (2, 'pending', 0)`,
    );
    const t0 = 1_000_000;
    const a = await claimDeliveries(t.pool, { node: 'A', now: t0, leaseMs: 100, limit: 1 });
    expect(a).toEqual([{ id: 1, inDoubt: false, attemptStartedAt: t0, attempts: 0 }]);
    // While A's lease runs, B gets the other row only.
    expect(
      (await claimDeliveries(t.pool, { node: 'B', now: t0 + 50, leaseMs: 100, limit: 5 })).map((c) => c.id),
    ).toEqual([2]);
    expect(await settleDelivery(t.pool, 2, 'B', { status: 'done', attempts: 1 }, t0 + 60)).toBe(true);
    expect(await renewLeases(t.pool, [1], 'A', t0 + 90, 100)).toEqual([]);
    expect(await claimDeliveries(t.pool, { node: 'B', now: t0 + 150, leaseMs: 100, limit: 5 })).toEqual([]);
    // A stalls; its lease ends at t+190; B takes the row over as in doubt, keeping A's attempt start.
    expect(await claimDeliveries(t.pool, { node: 'B', now: t0 + 200, leaseMs: 100, limit: 5 })).toEqual([
      { id: 1, inDoubt: true, attemptStartedAt: t0, attempts: 0 },
    ]);
    expect(await renewLeases(t.pool, [1], 'A', t0 + 210, 100)).toEqual([1]);
    expect(await settleDelivery(t.pool, 1, 'A', { status: 'done', attempts: 1 }, t0 + 210)).toBe(false);
    expect(await settleDelivery(t.pool, 1, 'B', { status: 'done', attempts: 1 }, t0 + 220)).toBe(true);
    const row = await t.pool.query('select status, claimed_by, lease_until, attempts from outbox where id = 1');
    expect(row.rows[0]).toEqual({ status: 'done', claimed_by: null, lease_until: null, attempts: 1 });
  });
});
