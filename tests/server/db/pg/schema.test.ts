import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migratePostgres } from '#server/db/pg/migrate';
import { PG_SCHEMA_FILE, PG_TABLES_DIR, renderPgSchema } from '#scripts/db/pgSchemaSource';
import { pgTestDatabase, type PgTestDb } from '#tests/helpers/pg';
import { tempDb } from '#tests/helpers/db';
import { pgCatalog, sqliteCatalog, type Catalog } from '#tests/helpers/schemaCatalog';

/** PostgreSQL indexes with no named SQLite counterpart: primary keys (SQLite: autoindexes), the search index in FTS5's place. */
const PG_ONLY_INDEX = /_pkey$|_pk$|^message_search_tokens_idx$/;

describe('the PostgreSQL schema', () => {
  let target: PgTestDb;
  let lite: Catalog;
  let pgc: Catalog;

  beforeAll(async () => {
    target = await pgTestDatabase();
    await migratePostgres(target.url);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    pgc = await pgCatalog(client);
    await client.end();
    const t = tempDb();
    lite = sqliteCatalog(t.db.$client);
    t.cleanup();
  });
  afterAll(() => target?.drop());

  it('is what `npm run db:generate:pg` writes from the SQLite tables now, file for file', async () => {
    const files = await renderPgSchema();
    const hint = 'run `npm run db:generate:pg` and commit the result';
    expect(files.has(PG_SCHEMA_FILE)).toBe(true);
    for (const [path, source] of files) expect(readFileSync(path, 'utf8'), `${path}: ${hint}`).toBe(source);
    const checkedIn = readdirSync(PG_TABLES_DIR).map((name) => `${PG_TABLES_DIR}/${name}`);
    expect(checkedIn.sort(), hint).toEqual([...files.keys()].filter((p) => p !== PG_SCHEMA_FILE).sort());
  });

  it('has one module per SQLite table file, each importing the tables its foreign keys point at from theirs', () => {
    const lite = readdirSync('server/db/tables').filter((name) => name !== 'columns.ts');
    expect(readdirSync(PG_TABLES_DIR).sort()).toEqual(lite.sort());
    const messages = readFileSync(`${PG_TABLES_DIR}/messages.ts`, 'utf8');
    expect(messages).toContain(`import { identities, threads } from './conversations';`);
    expect(messages).toContain(`import { agents, teams } from './people';`);
  });

  it('has every SQLite table with the same columns and nullability, and no other table', () => {
    expect([...pgc.tables.keys()].sort()).toEqual([...lite.tables.keys()].sort());
    for (const [table, cols] of lite.tables) {
      expect(Object.fromEntries(pgc.tables.get(table)!), table).toEqual(Object.fromEntries(cols));
    }
  });

  it('has every SQLite index under its name, on the same table and columns, as unique and partial as there', () => {
    expect(lite.indexes.size).toBeGreaterThan(70);
    for (const [name, ix] of lite.indexes) expect(pgc.indexes.get(name), name).toEqual(ix);
    const extra = [...pgc.indexes.keys()].filter((n) => !lite.indexes.has(n) && !PG_ONLY_INDEX.test(n));
    expect(extra).toEqual([]);
  });

  it('has every SQLite trigger under its name, on the same table, timing and event, and no other', () => {
    expect(lite.triggers.size).toBe(29);
    expect(Object.fromEntries(pgc.triggers)).toEqual(Object.fromEntries(lite.triggers));
  });
});
