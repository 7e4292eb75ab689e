import type Database from 'better-sqlite3';
import { SQLITE_SLOT, type Op, type Q, type Statement } from './statement';

// The SQLite driver of query generators: every yield is answered synchronously by a statement
// prepared once per database, so a generator run inside a better-sqlite3 transaction keeps that
// transaction synchronous (DESIGN.md rule 7) — no await, nothing else runs until it returns.

const prepared = new WeakMap<Database.Database, Map<Statement<never, unknown>, Database.Statement>>();

/** The better-sqlite3 statement of `stmt` on `client`, prepared on first use. */
export function sqliteStatement(client: Database.Database, stmt: Op['stmt']): Database.Statement {
  let byStmt = prepared.get(client);
  if (!byStmt) prepared.set(client, (byStmt = new Map()));
  let s = byStmt.get(stmt as Statement<never, unknown>);
  if (!s) byStmt.set(stmt as Statement<never, unknown>, (s = client.prepare(stmt.sqlite)));
  return s;
}

type Slotted = { [SQLITE_SLOT]?: { client: Database.Database; s: Database.Statement } };

// The statement prepared last for a declaration is kept on it with its database: a process has one
// database, so this answers nearly every call without the two map look-ups (docs/engine-port.md).
function preparedFor(client: Database.Database, stmt: Op['stmt']): Database.Statement {
  const slot = (stmt as Slotted)[SQLITE_SLOT];
  if (slot?.client === client) return slot.s;
  const s = sqliteStatement(client, stmt);
  (stmt as Slotted)[SQLITE_SLOT] = { client, s };
  return s;
}

function answer(client: Database.Database, op: Op): unknown {
  const s = preparedFor(client, op.stmt);
  if (op.kind === 'all') return s.all(op.params);
  if (op.kind === 'get') return s.get(op.params);
  return { changes: s.run(op.params).changes };
}

/**
 * Runs query generator `q` to its end on `client`, synchronously; an error of a statement is thrown
 * into the generator at its yield (so its try/catch sees it, as on PostgreSQL).
 */
export function runSync<T>(client: Database.Database, q: Q<T>): T {
  let step = q.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = answer(client, step.value);
    } catch (err) {
      step = q.throw(err);
      continue;
    }
    step = q.next(value);
  }
  return step.value;
}
