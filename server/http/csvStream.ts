import type { Response } from 'express';
import { csvRow } from '#server/domain/csv';

type Cell = string | number | boolean | null | undefined;

/**
 * Stream a CSV download: header first, then each batch of rows, waiting for the socket to drain
 * (constant memory) and yielding to the event loop between batches (no long block), stopping
 * when the client goes away. A UTF-8 BOM lets spreadsheet apps read Thai and Chinese right.
 */
export async function streamCsv(
  res: Response,
  name: string,
  header: string[],
  batches: Iterable<Cell[][]>,
  rowsHint?: number,
): Promise<void> {
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.setHeader('cache-control', 'no-store');
  if (rowsHint !== undefined) res.setHeader('x-export-rows', String(rowsHint));
  let gone = false;
  res.on('close', () => (gone = true));
  res.write(`\uFEFF${csvRow(header)}`);
  for (const batch of batches) {
    if (gone) return;
    const ok = res.write(batch.map(csvRow).join(''));
    if (!ok) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  res.end();
}
