import type Database from 'better-sqlite3';
import type pg from 'pg';

/** One engine's schema as the drift test compares it: tables with columns, indexes, triggers. */
export interface Catalog {
  /** Table → column → whether it refuses NULL. */
  tables: Map<string, Map<string, boolean>>;
  /** Index name → its table, uniqueness, partiality and key columns ('<expr>' for an expression). */
  indexes: Map<string, { table: string; unique: boolean; partial: boolean; columns: string[] }>;
  /** Trigger name → its table, timing (BEFORE/AFTER) and event (INSERT/UPDATE/DELETE). */
  triggers: Map<string, { table: string; timing: string; event: string }>;
}

/** Tables that are the migrator's own bookkeeping, not Braid's schema. */
const BOOKKEEPING = new Set(['__drizzle_migrations']);

/** The schema of a migrated SQLite database, read from sqlite_master and pragmas (FTS5 shadow tables left out). */
export function sqliteCatalog(db: Database.Database): Catalog {
  const listed = db.prepare('pragma table_list').all() as { name: string; type: string; schema: string }[];
  const tableNames = listed
    .filter(
      (t) => t.schema === 'main' && t.type !== 'shadow' && !t.name.startsWith('sqlite_') && !BOOKKEEPING.has(t.name),
    )
    .map((t) => t.name);
  const virtual = new Set(listed.filter((t) => t.type === 'virtual').map((t) => t.name));
  const tables = new Map<string, Map<string, boolean>>();
  for (const name of tableNames) {
    const cols = db.prepare(`pragma table_info("${name}")`).all() as { name: string; notnull: number; pk: number }[];
    // A virtual table (FTS5) is keyed by its implicit rowid, which PostgreSQL spells out as a column.
    const key: [string, boolean][] = virtual.has(name) ? [['rowid', true]] : [];
    tables.set(name, new Map([...key, ...cols.map((c): [string, boolean] => [c.name, c.notnull === 1 || c.pk > 0])]));
  }
  const indexes: Catalog['indexes'] = new Map();
  const rows = db
    .prepare("select name, tbl_name as tbl, sql from sqlite_master where type = 'index' and sql is not null")
    .all() as { name: string; tbl: string; sql: string }[];
  for (const ix of rows) {
    const cols = db.prepare(`pragma index_info("${ix.name}")`).all() as { name: string | null }[];
    indexes.set(ix.name, {
      table: ix.tbl,
      unique: /^create unique index/i.test(ix.sql),
      partial: /\swhere\s/i.test(ix.sql),
      columns: cols.map((c) => c.name ?? '<expr>'),
    });
  }
  const triggers: Catalog['triggers'] = new Map();
  const trows = db.prepare("select name, tbl_name as tbl, sql from sqlite_master where type = 'trigger'").all() as {
    name: string;
    tbl: string;
    sql: string;
  }[];
  for (const t of trows) {
    const m = /^create trigger\s+\S+\s+(before|after)\s+(insert|update|delete)\b/i.exec(t.sql);
    if (!m) throw new Error(`cannot read trigger ${t.name}: ${t.sql.slice(0, 80)}`);
    triggers.set(t.name, { table: t.tbl, timing: m[1].toUpperCase(), event: m[2].toUpperCase() });
  }
  return { tables, indexes, triggers };
}

/** The schema of a migrated PostgreSQL database (schema public), read from information_schema and pg_catalog. */
export async function pgCatalog(client: pg.ClientBase): Promise<Catalog> {
  const tables = new Map<string, Map<string, boolean>>();
  const cols = await client.query<{ table_name: string; column_name: string; is_nullable: string }>(
    "select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public'",
  );
  for (const c of cols.rows) {
    if (!tables.has(c.table_name)) tables.set(c.table_name, new Map());
    tables.get(c.table_name)!.set(c.column_name, c.is_nullable === 'NO');
  }
  const indexes: Catalog['indexes'] = new Map();
  const ixs = await client.query<{ name: string; tbl: string; unique: boolean; partial: boolean; columns: string[] }>(
    `select i.relname as name, t.relname as tbl, x.indisunique as unique, x.indpred is not null as partial,
       array(select case when k.attnum = 0 then '<expr>' else a.attname::text end
             from unnest(x.indkey::int2[]) with ordinality as k(attnum, ord)
             left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
             order by k.ord) as columns
     from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
     join pg_namespace n on n.oid = t.relnamespace where n.nspname = 'public'`,
  );
  for (const ix of ixs.rows)
    indexes.set(ix.name, { table: ix.tbl, unique: ix.unique, partial: ix.partial, columns: ix.columns });
  const triggers: Catalog['triggers'] = new Map();
  const trs = await client.query<{ name: string; tbl: string; type: number }>(
    `select g.tgname as name, c.relname as tbl, g.tgtype as type from pg_trigger g
     join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and not g.tgisinternal`,
  );
  for (const t of trs.rows) {
    // tgtype bits: 1 row, 2 before, 4 insert, 8 delete, 16 update.
    const event = t.type & 4 ? 'INSERT' : t.type & 8 ? 'DELETE' : t.type & 16 ? 'UPDATE' : 'OTHER';
    triggers.set(t.name, { table: t.tbl, timing: t.type & 2 ? 'BEFORE' : 'AFTER', event });
  }
  return { tables, indexes, triggers };
}
