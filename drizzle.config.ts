import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates the checked-in SQL migrations from the schema. */
export default defineConfig({
  dialect: 'sqlite',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
