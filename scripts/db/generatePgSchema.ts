// `npm run db:generate:pg`, step 1: rewrite server/db/pg/schema.ts from the SQLite tables (step 2,
// drizzle-kit with drizzle.pg.config.ts, then writes the PostgreSQL migration of what changed).
import { readFileSync, writeFileSync } from 'node:fs';
import { PG_SCHEMA_FILE, renderPgSchema } from '#scripts/db/pgSchemaSource';

const next = await renderPgSchema();
let before = '';
try {
  before = readFileSync(PG_SCHEMA_FILE, 'utf8');
} catch {
  // first run: no file yet
}
writeFileSync(PG_SCHEMA_FILE, next);
console.log(`${PG_SCHEMA_FILE}: ${before === next ? 'unchanged' : 'written'}`);
