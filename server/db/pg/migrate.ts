// Applies the checked-in PostgreSQL migrations (server/db/migrations-pg/) at start-up. Several nodes
// may start at once against one database: each takes the same session-level advisory lock on a
// connection of its own first, so one migrates while the others wait, then find nothing left to do.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';

/** The folder of the PostgreSQL migrations (drizzle-kit's journal and SQL files). */
export const PG_MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations-pg');

/** The advisory lock key every Braid node migrates under: 'braidmig' read as a big-endian int8. */
export const PG_MIGRATION_LOCK_KEY = '7102158549489002855';

/** Where drizzle records applied migrations (its defaults, named so readers need not look them up). */
export const PG_MIGRATIONS_TABLE = 'drizzle.__drizzle_migrations';

/**
 * Applies every PostgreSQL migration not applied yet to the database at `url`, under
 * `pg_advisory_lock(PG_MIGRATION_LOCK_KEY)` held on a dedicated connection (released on return,
 * and by PostgreSQL if this process dies). The migrations themselves run in one transaction.
 */
export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'braid-migrate' });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1::bigint)', [PG_MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: PG_MIGRATIONS });
    } finally {
      await client.query('select pg_advisory_unlock($1::bigint)', [PG_MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
