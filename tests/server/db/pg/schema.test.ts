import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migratePostgres } from '#server/db/pg/migrate';
import { PG_SCHEMA_FILE, renderPgSchema } from '#scripts/db/pgSchemaSource';
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

  it('is what `npm run db:generate:pg` writes from the SQLite tables now', async () => {
    expect(readFileSync(PG_SCHEMA_FILE, 'utf8'), 'run `npm run db:generate:pg` and commit the result').toBe(
      await renderPgSchema(),
    );
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
