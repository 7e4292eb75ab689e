import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInbound } from '#server/services/ingest';
import {
  MAX_SPAN,
  MIN_SPAN,
  nextSpan,
  searchBatches,
  STATEMENT_BUDGET_MS,
} from '#server/services/exports/searchResults';
import { SearchExportQuerySchema } from '#shared/schemas/exports';
import { serviceDb } from '#tests/helpers/db';
import { inbound } from '#tests/factories';

// The search export reads the index a stretch of message ids at a time (and a bounded number of rows
// per statement), so a filter that keeps few matches — or none — never makes one statement walk every
// match of the word.
let world: ReturnType<typeof serviceDb>;
const found: number[] = [];

beforeAll(() => {
  world = serviceDb();
  for (let i = 0; i < 60; i++) {
    const text = i % 3 === 0 ? `Order ${i}: ยังไม่ได้รับพัสดุเลยค่ะ` : `Order ${i}: ขอบคุณค่ะ`;
    const r = ingestInbound(world.env.deps, inbound('line', `line-${i % 7}`, text));
    if (r.status !== 'stored') throw new Error('not stored');
    if (i % 3 === 0) found.push(r.messageId);
  }
});
afterAll(() => world.t.cleanup());

describe('search export', () => {
  it('reads every match once, newest first, at most `rows` per statement', () => {
    const q = SearchExportQuerySchema.parse({ q: 'พัสดุ' });
    const batches = [...searchBatches(world.t.db, world.admin, q, 10, 3)];
    expect(batches.every((b) => b.length <= 3)).toBe(true);
    expect(batches.flat().map((r) => r[0])).toEqual([...found].reverse());
  });

  it('reads a stretch of ids per statement when the filters keep nothing', () => {
    const q = SearchExportQuerySchema.parse({ q: 'พัสดุ', tag: 'nobody-has-this' });
    // Every statement "takes" the whole budget: the stretch stays at 10 ids.
    const batches = [...searchBatches(world.t.db, world.admin, q, 10, 3, steppingClock(STATEMENT_BUDGET_MS))];
    expect(batches.flat()).toEqual([]);
    const messages = Math.max(...found) + 1;
    expect(batches.length).toBeGreaterThanOrEqual(Math.floor(messages / 10)); // one statement per 10 ids
  });

  it('widens the stretch while statements stay quick, and still reads every match once', () => {
    const quick = [
      ...searchBatches(
        world.t.db,
        world.admin,
        SearchExportQuerySchema.parse({ q: 'พัสดุ', tag: 'nobody-has-this' }),
        10,
        3,
        steppingClock(1),
      ),
    ];
    const steady = [
      ...searchBatches(
        world.t.db,
        world.admin,
        SearchExportQuerySchema.parse({ q: 'พัสดุ', tag: 'nobody-has-this' }),
        10,
        3,
        steppingClock(STATEMENT_BUDGET_MS),
      ),
    ];
    expect(quick.length).toBeLessThan(steady.length);
    const all = [
      ...searchBatches(world.t.db, world.admin, SearchExportQuerySchema.parse({ q: 'พัสดุ' }), 10, 3, steppingClock(1)),
    ];
    expect(all.flat().map((r) => r[0])).toEqual([...found].reverse());
  });
});

describe('nextSpan', () => {
  it('doubles under half the budget, halves over it, keeps it in between, within the bounds', () => {
    expect(nextSpan(20_000, STATEMENT_BUDGET_MS / 4)).toBe(40_000);
    expect(nextSpan(20_000, STATEMENT_BUDGET_MS * 2)).toBe(10_000);
    expect(nextSpan(20_000, STATEMENT_BUDGET_MS * 0.75)).toBe(20_000);
    expect(nextSpan(MAX_SPAN, 0)).toBe(MAX_SPAN);
    expect(nextSpan(MIN_SPAN, 1_000)).toBe(MIN_SPAN);
  });
});

/** A clock by which every statement takes `took` ms (it is read once before and once after each). */
function steppingClock(took: number): () => number {
  let reads = 0;
  return () => (reads++ % 2 === 0 ? 0 : took);
}
