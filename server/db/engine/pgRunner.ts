import pg from 'pg';
import type { PgQueryable } from '#server/db/pg/eventLog';
import { toPositional, type PositionalText } from './pgText';
import type { Op, Q } from './statement';

// The PostgreSQL driver of query generators: each yield becomes one round trip (a named prepared
// statement, parsed once per connection) and the generator resumes with the rows.

const texts = new WeakMap<Op['stmt'], PositionalText>();

function positional(stmt: Op['stmt']): PositionalText {
  let t = texts.get(stmt);
  if (!t) texts.set(stmt, (t = toPositional(stmt.pg)));
  return t;
}

async function answer(client: PgQueryable, op: Op): Promise<unknown> {
  const { text, names } = positional(op.stmt);
  const values = names.map((n) => {
    if (!(n in op.params)) throw new Error(`statement ${op.stmt.name}: no value for :${n}`);
    return op.params[n];
  });
  const res = await client.query({ name: op.stmt.name, text, values });
  if (op.kind === 'all') return res.rows;
  if (op.kind === 'get') return res.rows[0];
  return { changes: res.rowCount ?? 0 };
}

/** Runs query generator `q` to its end on one connection; an error of a statement is thrown into the generator. */
export async function runAsync<T>(client: PgQueryable, q: Q<T>): Promise<T> {
  let step = q.next();
  while (!step.done) {
    let value: unknown;
    try {
      value = await answer(client, step.value);
    } catch (err) {
      step = q.throw(err);
      continue;
    }
    step = q.next(value);
  }
  return step.value;
}

const parseNumber = (v: string) => Number(v);

/**
 * A pool that reads bigint and numeric values as numbers, as SQLite's integers and reals are read
 * (epoch-ms times, ids and counts stay far below 2^53).
 */
export function openPgPool(url: string, max = 10): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    application_name: 'braid',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
          ? parseNumber
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
}
