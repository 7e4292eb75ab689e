import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The admin connection to the PostgreSQL every development and CI machine runs (.ci/run starts it
 * when it is down); `PG_TEST_URL` overrides it. Test databases are created and dropped through it.
 */
export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty PostgreSQL database of one test file: its URL and how to drop it afterwards. */
export interface PgTestDb {
  /** `postgres://…/braid_t_<pid>_<random>`, for a pool, a child process or a drizzle handle. */
  url: string;
  /** The database's name. */
  name: string;
  /** Ends the connections still open on it (a forgotten pool, a killed child) and drops it. */
  drop: () => Promise<void>;
}

/** The URL of database `name` on the admin URL's server, with its user and options. */
export function pgUrlFor(name: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `fn` on a single admin connection, failing — never skipping — when PostgreSQL does not answer. */
async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${PG_ADMIN_URL} (${(err as Error).message}). These tests need it: start it with ` +
        'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (as .ci/run does).',
      { cause: err },
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a uniquely named empty database (`braid_t_<pid>_<random>`) for one test file; call
 * `drop()` in its `afterAll`. Names are lower-case identifiers, so they need no quoting anywhere.
 */
export async function pgTestDatabase(): Promise<PgTestDb> {
  const name = `braid_t_${process.pid}_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  return {
    url: pgUrlFor(name),
    name,
    drop: () =>
      withAdmin(async (c) => {
        await c.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        // WITH (FORCE) also ends a connection that opened between the two statements.
        await c.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

/** Whether a database of this name exists on the test server (to check that a test cleaned up). */
export async function pgDatabaseExists(name: string): Promise<boolean> {
  return withAdmin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}
