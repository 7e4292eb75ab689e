// `npm run migrate:sqlite-to-postgres`: copies a Braid workspace from its SQLite file into a freshly
// migrated, empty PostgreSQL database, in one PostgreSQL transaction: tables in foreign-key order,
// rows in batches, the kept counters as they are (user triggers off while copying), the search index
// re-tokenised from the messages it holds, identity sequences moved past the copied ids; then the
// counts and a checksum of the messages are compared before COMMIT (docs/scale-out.md).
import Database from 'better-sqlite3';
import pg from 'pg';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { migratePostgres } from '#server/db/pg/migrate';
import { searchBody } from '#server/db/searchIndex';
import { liteTables } from '#scripts/db/pgSchemaSource';
import { assertSqliteCurrent, verifyCopy, type CopySummary } from '#scripts/db/verifyCopy';

/** What to copy where, and how many rows at most per INSERT. */
export interface CopyOptions {
  from: string;
  to: string;
  batchRows?: number;
  log?: (line: string) => void;
}

/** Tables written by hand-written migrations, not drizzle tables, copied after those (message_search has its own pass). */
const EXTRA_TABLES = ['search_backfill'];

type Row = Record<string, unknown>;
const toPg = (v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/** Inserts `rows` into `table` as multi-row INSERTs, under PostgreSQL's 65,535 parameters per statement. */
async function insertRows(c: pg.ClientBase, table: string, cols: string[], rows: Row[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(60_000 / cols.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((r) => `(${cols.map((col) => `$${values.push(toPg(r[col]))}`).join(', ')})`);
    await c.query(
      `insert into "${table}" (${cols.map((col) => `"${col}"`).join(', ')}) values ${tuples.join(', ')}`,
      values,
    );
  }
}

/** Copies one table in rowid order, `batch` rows per read; returns the number of rows. */
async function copyTable(lite: Database.Database, c: pg.ClientBase, table: string, batch: number): Promise<number> {
  const cols = (lite.prepare(`pragma table_info("${table}")`).all() as { name: string }[]).map((r) => r.name);
  const read = lite
    .prepare(`select rowid as "__rowid", * from "${table}" where rowid > ? order by rowid limit ?`)
    .safeIntegers(true);
  let after = -1n;
  let n = 0;
  for (;;) {
    const rows = read.all(after, batch) as Row[];
    if (rows.length === 0) return n;
    await insertRows(c, table, cols, rows);
    n += rows.length;
    after = rows[rows.length - 1].__rowid as bigint;
  }
}

/** The search index: FTS5 keeps no text (contentless), so the bodies are tokenised again from the messages. */
async function copySearchIndex(lite: Database.Database, c: pg.ClientBase, batch: number): Promise<number> {
  const read = lite.prepare(
    `select s.rowid as id, m.direction, m.text, m.subject from message_search s join messages m on m.id = s.rowid
     where s.rowid > ? order by s.rowid limit ?`,
  );
  let after = 0;
  let n = 0;
  for (;;) {
    const rows = read.all(after, batch) as { id: number; direction: string; text: string; subject: string | null }[];
    if (rows.length === 0) return n;
    await insertRows(
      c,
      'message_search',
      ['rowid', 'body'],
      rows.map((m) => ({ rowid: m.id, body: searchBody(m) })),
    );
    n += rows.length;
    after = rows[rows.length - 1].id;
  }
}

/** Moves every identity sequence past the largest id copied (and past SQLite's AUTOINCREMENT high-water mark). */
async function resetSequences(lite: Database.Database, c: pg.ClientBase): Promise<number> {
  const used = new Map(
    (lite.prepare('select name, seq from sqlite_sequence').all() as { name: string; seq: number }[]).map((r) => [
      r.name,
      r.seq,
    ]),
  );
  const identities = await c.query<{ table_name: string; column_name: string }>(
    "select table_name, column_name from information_schema.columns where table_schema = 'public' and is_identity = 'YES'",
  );
  for (const { table_name: t, column_name: col } of identities.rows) {
    await c.query(
      `select setval(pg_get_serial_sequence($1, $2), greatest(coalesce(max("${col}"), 0), $3::bigint, 1),
         coalesce(max("${col}"), 0) > 0 or $3::bigint > 0) from "${t}"`,
      [t, col, used.get(t) ?? 0],
    );
  }
  return identities.rowCount ?? 0;
}

/** Refuses a target that holds any row: the copy is for a new database, never a merge. */
async function assertEmpty(c: pg.ClientBase): Promise<void> {
  const tables = await c.query<{ t: string }>(
    "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  for (const { t } of tables.rows) {
    const { rowCount } = await c.query(`select 1 from "${t}" limit 1`);
    if (rowCount) throw new Error(`the target database is not empty (table ${t} has rows): copy into a new database`);
  }
}

/** Copies the workspace in `from` (a SQLite file) into the PostgreSQL database `to`; returns what was copied and checked. */
export async function copySqliteToPostgres(opts: CopyOptions): Promise<CopySummary> {
  const log = opts.log ?? (() => undefined);
  const batch = opts.batchRows ?? 1_000;
  const started = Date.now();
  const lite = new Database(opts.from, { readonly: true, fileMustExist: true });
  const c = new pg.Client({ connectionString: opts.to, application_name: 'braid-copy' });
  try {
    assertSqliteCurrent(lite);
    await migratePostgres(opts.to);
    await c.connect();
    await assertEmpty(c);
    const tables = [...liteTables().map((t) => getTableConfig(t.table).name), ...EXTRA_TABLES];
    const copied: Record<string, number> = {};
    await c.query('begin');
    try {
      // The counters the triggers keep are copied as they are; FK checks (system triggers) stay on.
      for (const t of tables) await c.query(`alter table "${t}" disable trigger user`);
      for (const t of tables) {
        copied[t] = await copyTable(lite, c, t, batch);
        log(`${t}: ${copied[t]} rows`);
      }
      copied.message_search = await copySearchIndex(lite, c, batch);
      log(`message_search: ${copied.message_search} rows`);
      for (const t of tables) await c.query(`alter table "${t}" enable trigger user`);
      const sequences = await resetSequences(lite, c);
      const summary = await verifyCopy(lite, c, copied, sequences, Date.now() - started);
      await c.query('commit');
      return summary;
    } catch (err) {
      await c.query('rollback');
      throw err;
    }
  } finally {
    lite.close();
    await c.end().catch(() => undefined);
  }
}
