import type { Response } from 'express';
import { csvRow } from '#server/domain/csv';

type Cell = string | number | boolean | null | undefined;

/** Aborts when the client goes away (or the answer is finished): long work for it can stop. */
export function whileConnected(res: Response): AbortSignal {
  const ac = new AbortController();
  if (res.destroyed || res.writableFinished) ac.abort();
  else res.once('close', () => ac.abort());
  return ac.signal;
}

/** Wait until the socket wants more (or the client is gone), without leaving listeners behind. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Stream a CSV download: header first, then each batch of rows, waiting for the socket to drain
 * (constant memory) and yielding to the event loop after every batch (each batch is one bounded
 * read, so no request waits behind the export for long), stopping when the client goes away —
 * leaving the loop closes the batches' generator. A UTF-8 BOM lets spreadsheet apps read Thai and
 * Chinese right.
 */
export async function streamCsv(
  res: Response,
  name: string,
  header: string[],
  batches: Iterable<Cell[][]>,
  rowsHint?: number,
): Promise<void> {
  const connected = whileConnected(res);
  if (connected.aborted) return;
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.setHeader('cache-control', 'no-store');
  if (rowsHint !== undefined) res.setHeader('x-export-rows', String(rowsHint));
  res.write(`\uFEFF${csvRow(header)}`);
  for (const batch of batches) {
    if (batch.length > 0 && !res.write(batch.map(csvRow).join(''))) await drained(res);
    await turn();
    if (connected.aborted) return;
  }
  res.end();
}
