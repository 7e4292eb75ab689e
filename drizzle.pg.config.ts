import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit generates the checked-in PostgreSQL migrations from server/db/pg/schema.ts, the barrel of
 * server/db/pg/tables/ (one module per SQLite table file), which is itself generated from the SQLite
 * tables (`npm run db:generate:pg` runs both steps).
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/pg/schema.ts',
  out: './server/db/migrations-pg',
});
