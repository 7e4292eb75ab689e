import type Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from './connection';

// Statements whose text a request builds from its filters: the shapes repeat, so each text is
// prepared once per database and only the values are bound per call (preparing the search
// statement cost as much CPU as running it).
const dialect = new SQLiteSyncDialect();
const MAX_TEXTS = 256;
const byDb = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** The rows of `query` (raw column names), run through a statement prepared once per SQL text. */
export function allPrepared<T>(db: Db, query: SQL): T[] {
  const { sql, params } = dialect.sqlToQuery(query);
  let texts = byDb.get(db.$client);
  if (!texts) byDb.set(db.$client, (texts = new Map()));
  let stmt = texts.get(sql);
  if (!stmt) {
    if (texts.size >= MAX_TEXTS) texts.clear(); // filters made many shapes: start again rather than grow
    stmt = db.$client.prepare(sql);
    texts.set(sql, stmt);
  }
  return stmt.all(...params) as T[];
}
