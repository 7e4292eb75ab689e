import type { BenchOptions } from './options';
import { setupFixture, type Closable } from './fixtures';
import { NotAvailable, type AnyRow, type Fixtures, type Line } from './types';

/** Lines a row printed when it could not run: n/a for a missing endpoint, else the failure. */
function placeholder(row: AnyRow, err: unknown): Line[] {
  const na = err instanceof NotAvailable;
  const text = na ? 'n/a' : `failed: ${(err as Error).message.split('\n')[0].slice(0, 160)}`;
  return row.measures.map((measure) => ({ measure, braid: text, note: na ? (err as Error).message : undefined }));
}

/** Result of a whole run: the lines in row order, and whether any row failed (not n/a). */
export interface RunResult {
  lines: Line[];
  failed: string[];
}

/**
 * Run the rows in order; each fixture is set up when its first row comes and closed after its
 * last one, so only one set of servers runs at a time. A row that throws prints placeholders.
 */
export async function runRows(rows: AnyRow[], opts: BenchOptions, log: (s: string) => void): Promise<RunResult> {
  const lines: Line[] = [];
  const failed: string[] = [];
  const lastUse = new Map<keyof Fixtures, number>();
  rows.forEach((r, i) => lastUse.set(r.fixture, i));
  const open = new Map<keyof Fixtures, Closable | Error>();
  for (const [i, row] of rows.entries()) {
    const t0 = performance.now();
    log(`[bench] ${row.id} …`);
    try {
      if (!open.has(row.fixture)) {
        log(`[bench]   setting up ${row.fixture}`);
        open.set(row.fixture, await setupFixture(row.fixture, opts, log).catch((e: Error) => e));
      }
      const f = open.get(row.fixture);
      if (f instanceof Error) throw f;
      // The fixture kind matches the row's by construction (keyed by row.fixture above).
      const out = await (row.run as (x: unknown) => Promise<Line[]>)(f);
      lines.push(...out.map((l) => ({ ...l, row: row.id })));
    } catch (err) {
      if (!(err instanceof NotAvailable)) failed.push(`${row.id}: ${(err as Error).stack ?? String(err)}`);
      lines.push(...placeholder(row, err).map((l) => ({ ...l, row: row.id })));
    }
    log(`[bench]   ${row.id} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (lastUse.get(row.fixture) === i) {
      const f = open.get(row.fixture);
      if (f && !(f instanceof Error)) await f.close();
    }
  }
  return { lines, failed };
}
