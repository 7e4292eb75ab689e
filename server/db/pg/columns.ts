// Column types of the PostgreSQL schema (./schema.ts and ./tables/, generated) that keep the values the SQLite code
// reads: a boolean stays an integer 0/1 (raw SQL compares `= 1` and sums flags), JSON stays text (the
// same bytes as in SQLite, parsed by drizzle like `text(…, { mode: 'json' })`).
import { customType } from 'drizzle-orm/pg-core';

/** An `integer` column holding 0/1, read and written as a boolean (SQLite's `integer({ mode: 'boolean' })`). */
export const intBoolean = customType<{ data: boolean; driverData: number }>({
  dataType: () => 'integer',
  toDriver: (v) => (v ? 1 : 0),
  fromDriver: (v) => Number(v) === 1,
});

/** A `text` column holding JSON, read and written as a value (SQLite's `text({ mode: 'json' })`). */
export const jsonText = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'text',
    toDriver: (v) => JSON.stringify(v),
    fromDriver: (v) => JSON.parse(v) as T,
  })(name);

/** The TypeScript type of column `C` of SQLite table `T`: its PostgreSQL twin reads the same values. */
export type Of<T extends { $inferSelect: object }, C extends keyof T['$inferSelect']> = NonNullable<
  T['$inferSelect'][C]
>;
