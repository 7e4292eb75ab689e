import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { RunResult } from 'better-sqlite3';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { SelectedFields, SQLiteColumn, SQLitePreparedQuery, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './connection';

// The parts the prepared-statement modules (statements.ts, ingestStatements.ts) declare their
// statements with, so each statement is one short entry and the SQL builder calls are written once.

type Order = SQLiteColumn | SQL;
/** A statement prepared on the synchronous driver whose rows are `R`. */
type PreparedRows<R> = SQLitePreparedQuery<{
  type: 'sync';
  run: RunResult;
  all: R[];
  get: R | undefined;
  values: unknown[][];
  execute: R[];
}>;

/** A named parameter, bound when the prepared statement runs. */
export const p = (name: string) => sql.placeholder(name);

/**
 * A placeholder typed as the value it stands for: update sets are typed without placeholders, but
 * the builder binds them like values (through the column's encoder, e.g. JSON for json columns).
 */
export const setTo = <T>(name: string) => p(name) as unknown as T;

/** `{ name: :name, … }`: insert values bound by name when the statement runs (names grouped for line length). */
export function params<const K extends readonly string[]>(...groups: K[]): Record<K[number], Placeholder> {
  return Object.fromEntries(groups.flat().map((name) => [name, p(name)])) as Record<K[number], Placeholder>;
}

/** `column = :name`: the condition of a statement that looks one key up. */
export const byParam = (column: SQLiteColumn, name = 'id'): SQL => eq(column, p(name));

/** Prepared `select * from table where … order by …`. */
export function selectRows<T extends SQLiteTable>(db: Db, table: T, where: SQL | undefined, ...order: Order[]) {
  return db
    .select()
    .from(table)
    .where(where)
    .orderBy(...order)
    .prepare();
}

/** Prepared `select fields from table where … order by …`. */
export function selectFields<F extends SelectedFields, T extends SQLiteTable>(
  db: Db,
  fields: F,
  table: T,
  where: SQL | undefined,
  ...order: Order[]
): PreparedRows<SelectResultFields<F>> {
  // Built on the widened types: with `fields` generic the builder's own types lose `prepare`.
  const query = db
    .select(fields as SelectedFields)
    .from(table as SQLiteTable)
    .where(where)
    .orderBy(...order);
  return query.prepare() as unknown as PreparedRows<SelectResultFields<F>>;
}
