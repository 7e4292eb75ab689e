import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { appendEvents, readEventsAfter, transactWithEvents } from '#server/db/pg/eventLog';
import { usePrimitiveDatabase } from './tables';

// Many writers on their own connections commit (or roll back) events in random order, sleeping
// between drawing a sequence value and committing, while a reader keeps asking for `after=<last
// seen>` exactly like a reconnecting client. The reader must end up with every committed event once,
// in order, and never a rolled-back one.

const WRITERS = 12;
const TXS_PER_WRITER = 25;
const ROLLBACK_SHARE = 0.2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = (max: number) => sleep(Math.floor(Math.random() * max));

/** Writes the events of one transaction (tokens) the way under test; the caller commits or rolls back. */
type WriteEvents = (client: pg.PoolClient, tokens: string[]) => Promise<void>;

interface RaceOutcome {
  seen: Array<{ seq: number; token: string }>;
  committed: Set<string>;
  rolledBack: Set<string>;
}

async function writer(pool: pg.Pool, w: number, write: WriteEvents, out: RaceOutcome): Promise<void> {
  for (let i = 0; i < TXS_PER_WRITER; i++) {
    const tokens = Array.from({ length: 1 + (i % 3) }, (_, k) => `${w}:${i}:${k}`);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await jitter(3);
      await write(client, tokens);
      await jitter(8); // the gap between drawing the sequence values and COMMIT
      const rollBack = Math.random() < ROLLBACK_SHARE;
      await client.query(rollBack ? 'rollback' : 'commit');
      for (const t of tokens) (rollBack ? out.rolledBack : out.committed).add(t);
    } finally {
      client.release();
    }
  }
}

/** Runs the writers and a polling reader together; returns what the reader saw and what was committed. */
async function race(pool: pg.Pool, url: string, write: WriteEvents): Promise<RaceOutcome> {
  await pool.query('truncate events restart identity');
  const out: RaceOutcome = { seen: [], committed: new Set(), rolledBack: new Set() };
  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  let writing = true;
  let after = 0;
  const poll = async () => {
    for (;;) {
      const page = await readEventsAfter(reader, after, 100);
      for (const e of page) out.seen.push({ seq: e.seq, token: (e.payload as { token: string }).token });
      if (page.length > 0) after = page.at(-1)!.seq;
      else if (!writing) return;
      else await sleep(1);
    }
  };
  try {
    const reading = poll();
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(pool, w, write, out)));
    writing = false;
    await reading;
  } finally {
    await reader.end();
  }
  return out;
}

/** Committed events the reader never saw (it had already moved past their seq). */
function missed(o: RaceOutcome): string[] {
  const seen = new Set(o.seen.map((s) => s.token));
  return [...o.committed].filter((t) => !seen.has(t));
}

describe('the PostgreSQL event log under concurrent writers', () => {
  const t = usePrimitiveDatabase(WRITERS + 2);

  // Every commit waits for the one before it (by design) and each sleeps a few ms: slow on a loaded machine.
  it(
    'gives a reader catching up with after=<seq> every committed event exactly once, in order, and no rolled-back one',
    { timeout: 60_000 },
    async () => {
      const o = await race(t.pool, t.db.url, (client, tokens) =>
        appendEvents(
          client,
          tokens.map((token) => ({
            type: 'test.logged',
            threadId: null,
            rooms: ['all'],
            payload: { token },
            createdAt: 0,
          })),
        ).then(() => undefined),
      );
      expect(o.committed.size).toBeGreaterThan(100);
      expect(o.rolledBack.size).toBeGreaterThan(0);
      const tokens = o.seen.map((s) => s.token);
      expect(new Set(tokens).size).toBe(tokens.length);
      expect(missed(o)).toEqual([]);
      expect(tokens.filter((t) => o.rolledBack.has(t))).toEqual([]);
      expect(new Set(tokens)).toEqual(o.committed);
      const seqs = o.seen.map((s) => s.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // Within one transaction the events keep the order they were emitted in.
      const byTx = new Map<string, number[]>();
      for (const s of o.seen) {
        const [w, i, k] = s.token.split(':');
        byTx.set(`${w}:${i}`, [...(byTx.get(`${w}:${i}`) ?? []), Number(k)]);
      }
      for (const ks of byTx.values()) expect(ks).toEqual([...ks].sort((a, b) => a - b));
    },
  );

  it('catches the naive BIGSERIAL insert skipping events (the check above bites)', { timeout: 60_000 }, async () => {
    const o = await race(t.pool, t.db.url, async (client, tokens) => {
      for (const token of tokens)
        await client.query(
          "insert into events (type, thread_id, rooms, payload, created_at) values ('test.naive', null, '[]', $1, 0)",
          [JSON.stringify({ token })],
        );
    });
    // Same race, values drawn when the row is inserted: a reader moves past seqs that commit later.
    expect(missed(o).length).toBeGreaterThan(0);
    expect(o.seen.filter((s) => o.rolledBack.has(s.token))).toEqual([]);
  });

  it('hands the events of a transaction back with their seqs after commit, and logs nothing when it throws', async () => {
    await t.pool.query('truncate events restart identity');
    const done = await transactWithEvents(t.pool, async (client, emit) => {
      emit({ type: 'a.done', threadId: 7, rooms: ['team:1'], payload: { n: 1 }, createdAt: 5 });
      emit({ type: 'b.done', threadId: null, rooms: ['all'], payload: { n: 2 }, createdAt: 5 });
      return (await client.query<{ one: number }>('select 1 as one')).rows[0]!.one;
    });
    expect(done.result).toBe(1);
    expect(done.events.map((e) => [e.type, e.seq])).toEqual([
      ['a.done', 1],
      ['b.done', 2],
    ]);
    await expect(
      transactWithEvents(t.pool, async (_client, emit) => {
        emit({ type: 'c.lost', threadId: null, rooms: ['all'], payload: {}, createdAt: 5 });
        await Promise.resolve();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect((await readEventsAfter(t.pool, 0, 10)).map((e) => [e.seq, e.type, e.threadId, e.payload])).toEqual([
      [1, 'a.done', 7, { n: 1 }],
      [2, 'b.done', null, { n: 2 }],
    ]);
  });
});
