// The checks of `npm run migrate:sqlite-to-postgres` (./copyToPostgres.ts): the SQLite file is at this
// Braid's newest migration before copying, and after copying, still inside the PostgreSQL
// transaction, every table holds as many rows as in SQLite and the messages' ids and texts hash alike.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type pg from 'pg';

/** What a copy moved and checked, printed by the command. */
export interface CopySummary {
  /** Rows per table, equal on both sides (or the copy was rolled back). */
  rows: Record<string, number>;
  /** md5 over the messages in id order, of `id:md5(text)` joined by commas; equal on both sides. */
  messagesChecksum: string;
  /** Identity sequences moved past the copied ids. */
  sequences: number;
  ms: number;
}

const SQLITE_JOURNAL = join(import.meta.dirname, '../../server/db/migrations/meta/_journal.json');

/** Refuses a SQLite file that this Braid's migrations have not brought up to date (open it with Braid once first). */
export function assertSqliteCurrent(lite: Database.Database): void {
  const expected = (JSON.parse(readFileSync(SQLITE_JOURNAL, 'utf8')) as { entries: unknown[] }).entries.length;
  const has = lite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  const applied = has ? (lite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
  if (applied !== expected) {
    throw new Error(
      `the SQLite file has ${applied} of this Braid's ${expected} migrations: start this version of Braid on it once ` +
        '(it migrates at start-up), stop it, then copy',
    );
  }
}

/** The messages checksum as SQLite holds them (streamed, so a large workspace is not held in memory). */
function sqliteChecksum(lite: Database.Database): string {
  const all = createHash('md5');
  let first = true;
  for (const m of lite.prepare('select id, text from messages order by id').iterate() as Iterable<{
    id: number;
    text: string;
  }>) {
    all.update(`${first ? '' : ','}${m.id}:${createHash('md5').update(m.text, 'utf8').digest('hex')}`);
    first = false;
  }
  return all.digest('hex');
}

/** Compares row counts and the messages checksum of both sides; throws (so the caller rolls back) on any difference. */
export async function verifyCopy(
  lite: Database.Database,
  c: pg.ClientBase,
  copied: Record<string, number>,
  sequences: number,
  ms: number,
): Promise<CopySummary> {
  const wrong: string[] = [];
  for (const [t, n] of Object.entries(copied)) {
    const inLite = (lite.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
    const inPg = Number((await c.query<{ n: string }>(`select count(*) as n from "${t}"`)).rows[0].n);
    if (inLite !== n || inPg !== n) wrong.push(`${t}: SQLite ${inLite}, copied ${n}, PostgreSQL ${inPg}`);
  }
  const liteSum = sqliteChecksum(lite);
  const pgSum = (
    await c.query<{ sum: string }>(
      "select md5(coalesce(string_agg(id || ':' || md5(text), ',' order by id), '')) as sum from messages",
    )
  ).rows[0].sum;
  if (liteSum !== pgSum) wrong.push(`messages checksum: SQLite ${liteSum}, PostgreSQL ${pgSum}`);
  if (wrong.length > 0)
    throw new Error(`the copy does not match its source, nothing was committed:\n  ${wrong.join('\n  ')}`);
  return { rows: copied, messagesChecksum: pgSum, sequences, ms };
}
