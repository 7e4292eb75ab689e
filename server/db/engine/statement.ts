// Engine-neutral data access (docs/engine-port.md). A statement is declared once — its SQL with
// named parameters (`:name`), and a PostgreSQL text of its own only where the dialects differ — and
// is run by YIELDING it from a generator: `const row = yield* get(stmt, { id })`. The generator is
// the one code path of a service; the engine drives it. SQLite answers each yield synchronously
// inside its synchronous transaction (no promise, no turn of the event loop, so no other request can
// run inside it); PostgreSQL awaits the round trip and resumes the generator with the rows.

/** Named parameters of a statement (numbers, strings, null; JSON already serialised, booleans as 0/1). */
export type Params = Record<string, unknown>;

/** A statement declared once for both engines; `P` are its parameters, `R` one row as read. */
export interface Statement<P extends Params, R> {
  /** Unique name: the key of its prepared form on either engine. */
  readonly name: string;
  readonly sqlite: string;
  readonly pg: string;
  /** Phantom field carrying the types (never set). */
  readonly types?: (p: P) => R;
}

/** What a write reports on both engines. */
export interface RunInfo {
  changes: number;
}

/** One request to the engine, yielded by a query generator. */
export interface Op {
  kind: 'all' | 'get' | 'run';
  stmt: Statement<Params, unknown>;
  params: Params;
}

/** A unit of engine-neutral data access returning `T`: compose with `yield*`, run with an engine's driver. */
export type Q<T> = Generator<Op, T, unknown>;

/** Where the SQLite driver keeps a declaration's last prepared statement (its hot-path cache). */
export const SQLITE_SLOT = Symbol('sqlite prepared');

const declared = new Map<string, Statement<Params, unknown>>();

/**
 * Declares a statement. Write column aliases quoted (`as "teamId"`): PostgreSQL folds unquoted names to
 * lower case. A second declaration of a name must have the same texts (PostgreSQL prepares by name).
 */
export function statement<P extends Params, R = never>(name: string, sqlite: string, pg = sqlite): Statement<P, R> {
  const seen = declared.get(name);
  if (seen && (seen.sqlite !== sqlite || seen.pg !== pg)) throw new Error(`statement ${name} declared twice`);
  // The slot exists from the start, so every declaration has the same shape for the JIT.
  const s = { name, sqlite, pg, [SQLITE_SLOT]: undefined } as Statement<P, R>;
  declared.set(name, s as unknown as Statement<Params, unknown>);
  return s;
}

/** Every row of `stmt`. */
export function* all<P extends Params, R>(stmt: Statement<P, R>, params: P): Q<R[]> {
  return (yield { kind: 'all', stmt: stmt as unknown as Op['stmt'], params }) as R[];
}

/** The first row of `stmt`, or undefined. */
export function* get<P extends Params, R>(stmt: Statement<P, R>, params: P): Q<R | undefined> {
  return (yield { kind: 'get', stmt: stmt as unknown as Op['stmt'], params }) as R | undefined;
}

/** Runs a write; how many rows it changed. */
export function* run<P extends Params>(stmt: Statement<P, unknown>, params: P): Q<RunInfo> {
  return (yield { kind: 'run', stmt: stmt as unknown as Op['stmt'], params }) as RunInfo;
}

/** A query generator that yields nothing and returns `value` (a branch with nothing to read). */
// eslint-disable-next-line require-yield
export function* done<T>(value: T): Q<T> {
  return value;
}
