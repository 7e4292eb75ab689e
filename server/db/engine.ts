// Which database engine a node runs on. SQLite (the file in DATA_DIR) is the only one the services
// can use today; PostgreSQL has its schema, migrations and copy tool but not the engine port.

/** `url` with its password masked, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * Why a node given `DATABASE_URL` must not start, or null when none is set. It refuses rather than
 * falling back to SQLite: a node that thinks it shares a database but writes its own file splits
 * the workspace without anyone noticing.
 */
export function engineRefusal(databaseUrl: string | undefined): string | null {
  if (databaseUrl === undefined) return null;
  return [
    `DATABASE_URL is set (${redactUrl(databaseUrl)}), but Braid cannot run on PostgreSQL yet, and it will not fall back to SQLite.`,
    'What exists: the PostgreSQL schema (server/db/pg/schema.ts) and its migrations (server/db/migrations-pg/, applied under an',
    'advisory lock by server/db/pg/migrate.ts), and `npm run migrate:sqlite-to-postgres -- --from data/braid.db --to postgres://…`',
    'to copy a workspace across.',
    'What does not: the engine port — the services still run synchronous SQLite transactions (issue 16, docs/scale-out.md).',
    'Unset DATABASE_URL to run on the SQLite file in DATA_DIR.',
  ].join('\n');
}
