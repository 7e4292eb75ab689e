import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { migratePostgres } from '#server/db/pg/migrate';
import { pgTestDatabase, type PgTestDb } from './pg';

/**
 * A PostgreSQL database of this test file with every migration applied and one client on it, made
 * before the file's tests and dropped after them; read `client()` inside a test.
 */
export function useMigratedPg(): { client: () => pg.Client } {
  let target: PgTestDb | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    target = await pgTestDatabase();
    await migratePostgres(target.url);
    client = new pg.Client({ connectionString: target.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await target?.drop();
  });
  return {
    client: () => {
      if (!client) throw new Error('the migrated PostgreSQL database is made in beforeAll');
      return client;
    },
  };
}
