import type { Answer } from './http';
import type { BenchOptions } from './options';
import type { IngestFixture } from './fixtures/ingest';
import type { SocketsFixture } from './fixtures/sockets';
import type { WorkspaceFixture } from './fixtures/workspace';

/** One line of the table: a measure, the raw pipeline's figure (if compared), Braid's, and a note. */
export interface Line {
  /** Id of the row that printed it (filled in by the runner). */
  row?: string;
  measure: string;
  raw?: string;
  braid: string;
  /** Ratio to raw and/or the target with ✓ / ✗. */
  note?: string;
}

/** What rows run against; each fixture is set up once for all the rows that need it. */
export interface Fixtures {
  /** Nothing shared (in-process figures). */
  none: { opts: BenchOptions };
  /** Raw pipeline + Braid, each with its agent sockets connected. */
  ingest: IngestFixture;
  /** Braid over the generated 100k-customer / 2M-message workspace. */
  workspace: WorkspaceFixture;
  /** Raw pipeline + an empty Braid with many agent sessions ready to connect. */
  sockets: SocketsFixture;
}

/** A row of the benchmark: one small module, registered in rows/index.ts. */
export interface Row<K extends keyof Fixtures> {
  /** Id for `--only`. */
  id: string;
  fixture: K;
  /** The measures it prints: shown as n/a or failed when the row cannot run. */
  measures: string[];
  run(f: Fixtures[K]): Promise<Line[]>;
}

/** Any row, whatever fixture it needs. */
export type AnyRow = { [K in keyof Fixtures]: Row<K> }[keyof Fixtures];

/** Declare a row (keeps the fixture type of `run` inferred from `fixture`). */
export function defineRow<K extends keyof Fixtures>(row: Row<K>): Row<K> {
  return row;
}

/** Thrown by a row whose endpoint does not exist yet: its lines print "n/a" instead of failing. */
export class NotAvailable extends Error {}

/** Throw NotAvailable when an endpoint answered 404 (not built yet); otherwise hand the answer back. */
export function available(a: Answer, what: string): Answer {
  if (a.status === 404) throw new NotAvailable(`${what}: no such endpoint yet`);
  return a;
}
