import type Database from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * A prepared `INSERT … ON CONFLICT DO NOTHING` for rows of `table`, for back-fills that write hundreds
 * of thousands of rows: building and compiling a drizzle query per row cost more than the insert
 * itself. One statement per set of fields given (prepared on first use); values are stored as
 * drizzle's columns store them, and fields left undefined take their SQL defaults (not drizzle's $default functions). The function returns true when the row was written.
 */
export function insertIgnoring<T extends SQLiteTable>(
  client: Database.Database,
  table: T,
): (row: T['$inferInsert']) => boolean {
  const columns = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(v: unknown): unknown }>;
  const statements = new Map<string, Database.Statement>();
  return (row) => {
    const fields = Object.keys(row).filter((f) => (row as Record<string, unknown>)[f] !== undefined);
    const key = fields.join(',');
    let stmt = statements.get(key);
    if (!stmt) {
      const names = fields.map((f) => `"${columns[f].name}"`);
      stmt = client.prepare(
        `insert into "${getTableName(table)}" (${names.join(', ')}) values (${names.map(() => '?').join(', ')}) on conflict do nothing`,
      );
      statements.set(key, stmt);
    }
    // Each value as drizzle's own column would store it (booleans as 0/1, JSON as text).
    const args = fields.map((f) => {
      const v = (row as Record<string, unknown>)[f];
      return v === null ? null : columns[f].mapToDriverValue(v);
    });
    return stmt.run(...args).changes > 0;
  };
}
