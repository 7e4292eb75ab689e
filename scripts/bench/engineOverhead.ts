// What the engine-neutral data access costs on SQLite, per query (docs/engine-port.md): K point reads
// in one transaction, T transactions, run four ways — a prepared statement called directly (today), the
// same statement yielded from a generator and answered synchronously (the port), an async function per
// query awaited (a naive async port), and that under a promise-chain write queue (what SQLite would
// need to keep an async transaction exclusive). Run under callgrind with two values of T and subtract,
// so start-up cancels out: `tsx scripts/bench/engineOverhead.ts <variant> <T>`.
import Database from 'better-sqlite3';
import { runSync } from '#server/db/engine/sqliteRunner';
import { get, statement, type Q } from '#server/db/engine/statement';

const K = 10;
const client = new Database(':memory:');
client.exec(
  `create table t (id integer primary key, v text); with recursive s(n) as (select 1 union all select n + 1 from s where n < 100) insert into t select n, 'x' || n from s`,
);
const byId = statement<{ id: number }, { id: number; v: string }>('bench.byId', 'select id, v from t where id = :id');
const direct = client.prepare<{ id: number }, { id: number; v: string }>(byId.sqlite);

let sink = 0;
const variants: Record<string, (t: number) => void | Promise<void>> = {
  direct(t) {
    const tx = client.transaction((i: number) => {
      for (let k = 0; k < K; k++) sink += direct.get({ id: ((i + k) % 100) + 1 })!.id;
    });
    for (let i = 0; i < t; i++) tx.immediate(i);
  },
  generator(t) {
    function* body(i: number): Q<void> {
      for (let k = 0; k < K; k++) sink += (yield* get(byId, { id: ((i + k) % 100) + 1 }))!.id;
    }
    const tx = client.transaction((i: number) => runSync(client, body(i)));
    for (let i = 0; i < t; i++) tx.immediate(i);
  },
  async async(t) {
    const read = async (id: number) => direct.get({ id })!;
    for (let i = 0; i < t; i++) {
      client.exec('begin immediate');
      for (let k = 0; k < K; k++) sink += (await read(((i + k) % 100) + 1)).id;
      client.exec('commit');
    }
  },
  async queued(t) {
    const read = async (id: number) => direct.get({ id })!;
    let queue: Promise<void> = Promise.resolve();
    const exclusive = (fn: () => Promise<void>) => (queue = queue.then(fn));
    for (let i = 0; i < t; i++)
      await exclusive(async () => {
        client.exec('begin immediate');
        for (let k = 0; k < K; k++) sink += (await read(((i + k) % 100) + 1)).id;
        client.exec('commit');
      });
  },
};

const [variant = 'direct', t = '1000'] = process.argv.slice(2);
const run = variants[variant];
if (!run) throw new Error(`variant: ${Object.keys(variants).join(', ')}`);
// Warm every path the same way first, so the JIT state at the measured loop is alike across T.
await run(200);
const started = process.hrtime.bigint();
await run(Number(t));
const ns = Number(process.hrtime.bigint() - started);
console.log(`${variant} T=${t} K=${K}: ${(ns / Number(t) / K).toFixed(0)} ns/query wall (sink ${sink > 0})`);
