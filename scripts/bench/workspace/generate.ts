import Database from 'better-sqlite3';
import { recountInboxCounters } from '#server/db/inboxCounters';
import { recountBoardCounters } from '#server/db/boardCounters';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { login } from '#scripts/bench/http';
import type { BenchOptions } from '#scripts/bench/options';
import { ADMIN_EMAIL, PASSWORD, ROOT, startBraid } from '#scripts/bench/servers';
import { cpuMs } from '#scripts/bench/proc';
import { CACHE, cacheFit, cacheKeys, type CacheKeys } from './cache';
import { sleep } from '#scripts/bench/stats';
import { derive } from './derive';
import { makePeople } from './people';
import { buildPlan } from './plan';
import type { People } from './shape';
import { writeWorkspace } from './write';

/** What a cached workspace holds, stored next to its database file. */
export interface Manifest {
  /** What the rows were generated from, and the migrations the file has been brought up to. */
  keys: CacheKeys;
  /** The instant the workspace was generated "as of": reports ask for ranges ending here. */
  anchor: number;
  customers: number;
  messages: number;
  episodes: number;
  /** Thread id of the longest thread. */
  longThreadId: number;
  longThreadMessages: number;
  logins: People['logins'];
  teams: number[];
  generatedSeconds: number;
  /** Seconds the last upgrade to newer migrations took (booting Braid on the cached file once). */
  upgradedSeconds?: number;
}

/**
 * Run `write` with the bulk tables' secondary indexes and triggers dropped, then build them again
 * from the schema's own DDL: one sorted build is far faster than two million random index inserts,
 * and a duplicate the generator made still fails on the UNIQUE indexes. The counters the triggers
 * keep are then recomputed from the rows, as the migration that added them does.
 */
function withoutIndexes(db: Database.Database, write: () => void): void {
  const bulk = ['identities', 'threads', 'episodes', 'messages', 'outbox', 'thread_reads'];
  const ddl = db
    .prepare(
      `select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null and tbl_name in (${bulk.map(() => '?').join(', ')})`,
    )
    .all(...bulk) as Array<{ type: string; name: string; sql: string }>;
  for (const i of ddl) db.exec(`drop ${i.type} "${i.name}"`);
  write();
  for (const i of ddl) db.exec(i.sql);
  recountInboxCounters(db);
  recountBoardCounters(db);
}

/**
 * Wait until Braid's start-up catch-up (missed SLA crossings fire once, planned over the event loop
 * first) has stopped writing: the alert count is unchanged AND the process used under 10 % of a core
 * over the last 2 s. The count alone was not enough: planning 15,000 open threads takes longer than one
 * poll, so an unchanged zero ended the wait before the first alert fired and the cache held none.
 */
async function settleAlerts(file: string, pid: number, boundMs: number): Promise<void> {
  const db = new Database(file, { readonly: true, timeout: 10_000 });
  try {
    let last = -1;
    const until = performance.now() + boundMs;
    while (performance.now() < until) {
      const cpu = cpuMs(pid);
      await sleep(2_000);
      const n = db.prepare('select count(*) from sla_alerts').pluck().get() as number;
      if (n === last && cpuMs(pid) - cpu < 200) return;
      last = n;
    }
  } finally {
    db.close();
  }
}

/** Boot Braid once on the database in `dir` and let its start-up work (migrations, catch-up) finish. */
async function bootOnce(dir: string): Promise<void> {
  const again = await startBraid(dir, {}, 30 * 60_000);
  await settleAlerts(join(dir, 'braid.db'), again.pid, 300_000);
  await again.stop(60_000);
  // Fold the WAL into the file (a killed server leaves one) so the single cached file is complete.
  const fold = new Database(join(dir, 'braid.db'));
  fold.pragma('wal_checkpoint(TRUNCATE)');
  fold.close();
}

/**
 * Bring a cached workspace up to today's migrations the way a customer's database is: Braid boots
 * on it and applies the new ones (with their back-fills). Minutes less than generating it again.
 */
async function upgrade(file: string, cached: Manifest, keys: CacheKeys, log: (s: string) => void): Promise<Manifest> {
  const t0 = performance.now();
  const tmp = join(CACHE, `tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const added = keys.migrations.slice(cached.keys.migrations.length).map((m) => m.split(':')[0]);
    log(`[workspace] upgrading ${relative(ROOT, file)} by booting Braid on it (new: ${added.join(', ')})`);
    copyFileSync(file, join(tmp, 'braid.db'));
    await bootOnce(tmp);
    const manifest: Manifest = { ...cached, keys, upgradedSeconds: Math.round((performance.now() - t0) / 1000) };
    renameSync(join(tmp, 'braid.db'), file);
    writeFileSync(`${file}.json`, JSON.stringify(manifest, null, 2));
    log(`[workspace]   upgraded in ${manifest.upgradedSeconds} s`);
    return manifest;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The generated workspace for these options: reused from data/bench/ when its generator key matches
 * (upgraded first when Braid has migrations the file lacks, see cache.ts), else generated — schema,
 * admin, teams and agents by Braid itself (boot + admin API), the bulk rows written directly, then
 * one more boot so start-up catch-up work is done before it is cached.
 */
export async function ensureWorkspace(
  o: BenchOptions,
  log: (s: string) => void,
): Promise<{ file: string; manifest: Manifest; generated: boolean }> {
  const keys = cacheKeys(o);
  const tag = `workspace-${o.customers}-${o.messages}`;
  const file = join(CACHE, `${tag}-${keys.generator}.db`);
  const cached =
    existsSync(file) && existsSync(`${file}.json`)
      ? (JSON.parse(readFileSync(`${file}.json`, 'utf8')) as Manifest)
      : undefined;
  const fit = cacheFit(cached?.keys, keys);
  if (cached && fit === 'same') return { file, manifest: cached, generated: false };
  if (cached && fit === 'upgrade') return { file, manifest: await upgrade(file, cached, keys, log), generated: false };
  mkdirSync(CACHE, { recursive: true });
  for (const f of readdirSync(CACHE)) if (f.startsWith(`${tag}-`)) rmSync(join(CACHE, f), { force: true });
  const t0 = performance.now();
  const tmp = join(CACHE, `tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    log(`[workspace] generating ${o.customers} customers / ${o.messages} messages (cached as ${relative(ROOT, file)})`);
    const boot = await startBraid(tmp);
    const admin = await login(boot.url, ADMIN_EMAIL, PASSWORD);
    const people = await makePeople(admin, o.agents);
    await boot.stop();
    const anchor = Date.now();
    const plan = buildPlan(o.customers, o.messages, o.longThread, people, anchor);
    const derived = derive(plan);
    log(
      `[workspace]   planned ${plan.messages} messages, ${plan.episodes} episodes in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const db = new Database(join(tmp, 'braid.db'));
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -1000000');
    withoutIndexes(db, () => writeWorkspace(db, plan, derived, people, log));
    // The bulk rows were written around the services, as history recorded before metric facts existed:
    // the first boot below back-fills their facts (services/metricBackfill.ts), so reports read real rows.
    db.prepare("delete from settings where key = 'metricFactsBackfilled'").run();
    db.pragma('journal_mode = WAL');
    db.close();
    log(
      `[workspace]   rows written after ${((performance.now() - t0) / 1000).toFixed(0)} s; letting Braid catch up once`,
    );
    await bootOnce(tmp);
    const manifest: Manifest = {
      keys,
      anchor,
      customers: plan.customers,
      messages: plan.messages,
      episodes: plan.episodes,
      longThreadId: 1,
      longThreadMessages: plan.msgStart[1] - plan.msgStart[0],
      logins: people.logins,
      teams: Object.values(people.teams),
      generatedSeconds: Math.round((performance.now() - t0) / 1000),
    };
    renameSync(join(tmp, 'braid.db'), file);
    writeFileSync(`${file}.json`, JSON.stringify(manifest, null, 2));
    log(`[workspace]   done in ${manifest.generatedSeconds} s`);
    return { file, manifest, generated: true };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
