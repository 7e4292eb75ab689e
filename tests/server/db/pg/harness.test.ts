import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { pgDatabaseExists, pgTestDatabase, type PgTestDb } from '#tests/helpers/pg';

describe('the PostgreSQL test harness', () => {
  const made: PgTestDb[] = [];
  afterAll(async () => {
    for (const d of made) await d.drop();
  });

  it('creates a uniquely named empty database and drops it even while a connection is left open', async () => {
    const a = await pgTestDatabase();
    const b = await pgTestDatabase();
    made.push(a, b);
    expect(a.name).toMatch(new RegExp(`^braid_t_${process.pid}_[0-9a-f]{10}$`));
    expect(b.name).not.toBe(a.name);

    const leftover = new pg.Client({ connectionString: a.url });
    leftover.on('error', () => undefined);
    await leftover.connect();
    const { rows } = await leftover.query<{ db: string; tables: string }>(
      "select current_database() as db, (select count(*) from information_schema.tables where table_schema = 'public') as tables",
    );
    expect(rows[0]).toEqual({ db: a.name, tables: '0' });

    await a.drop();
    expect(await pgDatabaseExists(a.name)).toBe(false);
    expect(await pgDatabaseExists(b.name)).toBe(true);
    await leftover.end().catch(() => undefined);
  });
});
