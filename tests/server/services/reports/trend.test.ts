import { afterAll, expect, it } from 'vitest';
import { rollupTrend } from '#server/services/reports/distribution';
import { tempDb } from '#tests/helpers/db';

const t = tempDb();
afterAll(() => t.cleanup());
const DAY = 86_400_000;

it('starts every trend bucket but the first at a UTC midnight, so only the range edges read raw facts', () => {
  const from = Date.UTC(2026, 8, 3, 14, 25, 7);
  const to = from + 90 * DAY + 3_600_000;
  const trend = rollupTrend(t.db, { from, to, teamIds: null, time: 'calendar' });
  expect(trend).toHaveLength(13);
  expect(trend[0].from).toBe(from);
  for (const p of trend.slice(1)) expect(p.from % DAY).toBe(0);
  expect(trend[1].from).toBe(Date.UTC(2026, 8, 10));
  expect(trend.map((p) => p.from)).toEqual([...trend.map((p) => p.from)].sort((a, b) => a - b));
});
