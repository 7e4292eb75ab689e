import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migratePostgres, PG_MIGRATION_LOCK_KEY, PG_MIGRATIONS, PG_MIGRATIONS_TABLE } from '#server/db/pg/migrate';
import { pgTestDatabase, type PgTestDb } from '#tests/helpers/pg';

const CHILD = join(import.meta.dirname, '../../../helpers/pgMigrateChild.ts');
const journal = JSON.parse(readFileSync(join(PG_MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };

/** Runs one node's start-up migration in a process of its own; resolves with its exit code and output. */
function migrateInChild(url: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => resolve({ code, out }));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

describe('PostgreSQL start-up migrations', () => {
  let target: PgTestDb | undefined;
  afterEach(async () => {
    await target?.drop();
    target = undefined;
  });

  it('two nodes starting together on a fresh database both succeed and each migration is recorded once', async () => {
    target = await pgTestDatabase();
    const [a, b] = await Promise.all([migrateInChild(target.url), migrateInChild(target.url)]);
    expect(a, a.out).toMatchObject({ code: 0 });
    expect(b, b.out).toMatchObject({ code: 0 });
    const rows = await query<{ n: string; hashes: string }>(
      target.url,
      `select count(*) as n, count(distinct hash) as hashes from ${PG_MIGRATIONS_TABLE}`,
    );
    expect(rows[0]).toEqual({ n: String(journal.entries.length), hashes: String(journal.entries.length) });
    // A third start finds nothing to do.
    await migratePostgres(target.url);
    expect((await query<{ n: string }>(target.url, `select count(*) as n from ${PG_MIGRATIONS_TABLE}`))[0].n).toBe(
      String(journal.entries.length),
    );
  });

  it('waits for the advisory lock while another node holds it', async () => {
    target = await pgTestDatabase();
    const holder = new pg.Client({ connectionString: target.url });
    await holder.connect();
    await holder.query('select pg_advisory_lock($1::bigint)', [PG_MIGRATION_LOCK_KEY]);
    let done = false;
    const running = migratePostgres(target.url).then(() => (done = true));
    // Until the holder lets go, the migrating node has created nothing, not even drizzle's bookkeeping.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(done).toBe(false);
    const before = await query<{ n: string }>(
      target.url,
      "select count(*) as n from information_schema.tables where table_schema in ('public', 'drizzle')",
    );
    expect(before[0].n).toBe('0');
    await holder.query('select pg_advisory_unlock($1::bigint)', [PG_MIGRATION_LOCK_KEY]);
    await running;
    await holder.end();
    const tables = await query<{ n: string }>(
      target.url,
      "select count(*) as n from information_schema.tables where table_schema = 'public'",
    );
    expect(Number(tables[0].n)).toBeGreaterThan(40);
  });
});
