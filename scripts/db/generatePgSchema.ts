// `npm run db:generate:pg`, step 1: rewrite the PostgreSQL schema (server/db/pg/tables/, one module per
// SQLite table file, and the barrel server/db/pg/schema.ts) from the SQLite tables (step 2, drizzle-kit
// with drizzle.pg.config.ts, then writes the PostgreSQL migration of what changed).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PG_TABLES_DIR, renderPgSchema } from '#scripts/db/pgSchemaSource';

const files = await renderPgSchema();
mkdirSync(PG_TABLES_DIR, { recursive: true });
for (const [path, next] of files) {
  let before = '';
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    // first run: no file yet
  }
  if (before !== next) writeFileSync(path, next);
  console.log(`${path}: ${before === next ? 'unchanged' : 'written'}`);
}
// A SQLite table file renamed or emptied leaves its old PostgreSQL module behind: remove it.
for (const name of readdirSync(PG_TABLES_DIR)) {
  const path = `${PG_TABLES_DIR}/${name}`;
  if (files.has(path)) continue;
  rmSync(path);
  console.log(`${path}: removed`);
}
