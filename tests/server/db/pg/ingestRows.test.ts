import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  findInboundDuplicate,
  insertInboundMessage,
  lockInboundDelivery,
  resolveSender,
} from '#server/db/pg/ingestRows';
import { usePrimitiveDatabase } from './tables';

// Two "nodes" (two pools) receive every webhook at the same moment: each of 100 provider messages,
// from 40 senders Braid has never seen (2–3 messages each, all in flight together), is delivered to
// both. The store must end with one message per provider id, one customer, identity and thread per
// sender, every delivery answered (stored or duplicate) and none failed.

const WEBHOOKS = 100;
const SENDERS = 40;

interface Delivery {
  channel: string;
  pmid: string;
  address: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = () => sleep(Math.floor(Math.random() * 5));

type Outcome = 'stored' | 'duplicate';

/** The ingest transaction reduced to its rows, built on the primitives (optionally with the delivery lock). */
async function ingest(pool: pg.Pool, d: Delivery, lock: boolean): Promise<Outcome> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    if (lock) await lockInboundDelivery(c, d.channel, d.pmid);
    if (await findInboundDuplicate(c, d.channel, d.pmid)) {
      await c.query('rollback');
      return 'duplicate';
    }
    await jitter();
    const sender = await resolveSender(c, { channel: d.channel, address: d.address, customerName: d.address, now: 1 });
    await jitter();
    let thread = (await c.query<{ id: string }>('select id from threads where customer_id = $1', [sender.customerId]))
      .rows[0]?.id;
    thread ??= (
      await c.query<{ id: string }>('insert into threads (customer_id) values ($1) returning id', [sender.customerId])
    ).rows[0]!.id;
    await jitter();
    const id = await insertInboundMessage(c, {
      thread_id: thread,
      channel: d.channel,
      provider_message_id: d.pmid,
      text: `hello ${d.pmid}`,
    });
    await c.query(id === null ? 'rollback' : 'commit');
    return id === null ? 'duplicate' : 'stored';
  } catch (err) {
    await c.query('rollback');
    throw err;
  } finally {
    c.release();
  }
}

/** The same transaction written the SQLite way: read, then plain INSERTs (no ON CONFLICT, no savepoint). */
async function ingestNaively(pool: pg.Pool, d: Delivery): Promise<Outcome> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    if (await findInboundDuplicate(c, d.channel, d.pmid)) {
      await c.query('rollback');
      return 'duplicate';
    }
    await jitter();
    const q = (sql: string, v: unknown[]) => c.query<{ id: string; customer_id: string }>(sql, v);
    let ident = (
      await q('select id, customer_id from identities where channel = $1 and address = $2', [d.channel, d.address])
    ).rows[0];
    if (!ident) {
      const cust = (
        await q('insert into customers (name, created_at, updated_at) values ($1, 1, 1) returning id', [d.address])
      ).rows[0]!;
      ident = (
        await q(
          'insert into identities (customer_id, channel, address, created_at) values ($1, $2, $3, 1) returning id, customer_id',
          [cust.id, d.channel, d.address],
        )
      ).rows[0]!;
      await q('insert into threads (customer_id) values ($1) returning id', [ident.customer_id]);
    }
    await jitter();
    const thread = (await q('select id from threads where customer_id = $1', [ident.customer_id])).rows[0]!;
    await q(
      'insert into messages (thread_id, channel, provider_message_id, text) values ($1, $2, $3, $4) returning id',
      [thread.id, d.channel, d.pmid, 'hello'],
    );
    await c.query('commit');
    return 'stored';
  } catch (err) {
    await c.query('rollback');
    throw err;
  } finally {
    c.release();
  }
}

function deliveries(run: string): Delivery[] {
  return Array.from({ length: WEBHOOKS }, (_, i) => ({
    channel: 'sms',
    pmid: `${run}-msg-${i}`,
    address: `+4670${run.length}${String(i % SENDERS).padStart(5, '0')}`,
  }));
}

async function counts(pool: pg.Pool) {
  const one = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    messages: await one('select count(*) as n from messages'),
    customers: await one('select count(*) as n from customers'),
    identities: await one('select count(*) as n from identities'),
    threads: await one('select count(*) as n from threads'),
    threadsPerSender: await one(
      'select max(k) as n from (select count(distinct m.thread_id) as k from messages m join threads t on t.id = m.thread_id group by t.customer_id) x',
    ),
  };
}

describe('ingest rows on PostgreSQL with two nodes receiving the same webhooks', () => {
  const t = usePrimitiveDatabase(10);
  const nodes: pg.Pool[] = [];
  afterAll(() => Promise.all(nodes.map((n) => n.end())));
  const reset = () => t.pool.query('truncate messages, threads, identities, customers restart identity cascade');

  async function race(run: (pool: pg.Pool, d: Delivery) => Promise<Outcome>, list: Delivery[]) {
    if (nodes.length === 0) nodes.push(...[0, 1].map(() => new pg.Pool({ connectionString: t.db.url, max: 10 })));
    return Promise.allSettled(list.flatMap((d) => nodes.map((n) => run(n, d))));
  }

  it.each([
    ['ON CONFLICT alone', false],
    ['with the delivery lock', true],
  ])('stores each message once and each new sender once (%s)', async (_name, lock) => {
    await reset();
    const list = deliveries(lock ? 'locked' : 'plain');
    const settled = await race((pool, d) => ingest(pool, d, lock), list);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const outcomes = settled.map((s) => (s as PromiseFulfilledResult<Outcome>).value);
    // Deliveries were queued webhook by webhook, one per node: each pair is one stored, one duplicate.
    for (let i = 0; i < list.length; i++)
      expect([outcomes[2 * i], outcomes[2 * i + 1]].sort()).toEqual(['duplicate', 'stored']);
    expect(await counts(t.pool)).toEqual({
      messages: WEBHOOKS,
      customers: SENDERS,
      identities: SENDERS,
      threads: SENDERS,
      threadsPerSender: 1,
    });
  });

  it('fails deliveries when written the SQLite way (read, then INSERT) in the same race (the check bites)', async () => {
    await reset();
    const settled = await race(ingestNaively, deliveries('naive'));
    const failed = settled.filter((s) => s.status === 'rejected').map((s) => (s.reason as { code?: string }).code);
    expect(failed.length).toBeGreaterThan(0);
    expect(new Set(failed)).toEqual(new Set(['23505'])); // unique_violation: a 500 to the provider
  });
});
