import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeThreadMetrics } from '#server/services/metrics';
import { agentReport, teamReport } from '#server/services/reports/agentReport';
import { drillDown } from '#server/services/reports/drill';
import type { ReportScope } from '#server/services/reports/scope';
import type { ThreadMetrics } from '#shared/schemas/metrics';
import { loadHandCount, playHandCount } from '#tests/server/services/metrics/handCountWorld';

// The report reads the same facts as the per-thread metrics: every figure of the hand-counted
// scenario, in calendar and business time, and every conversation listed behind a figure.
const fx = loadHandCount();
let world: Awaited<ReturnType<typeof playHandCount>>;
let threads: ThreadMetrics[];
beforeAll(async () => {
  world = await playHandCount(fx);
  threads = Object.values(world.threadIds).map((id) => computeThreadMetrics(world.db, id));
}, 60_000);
afterAll(() => world?.close());

type Pair = [number, number];
const range = { from: Date.parse(fx.aggregates.range[0]), to: Date.parse(fx.aggregates.range[1]) };
const scope = (time: 'calendar' | 'business', over: Partial<ReportScope> = {}): ReportScope => ({
  ...range,
  teamIds: null,
  time,
  ...over,
});
/** Median (mean of the middle two) and nearest-rank p90, in ms, of hand-counted seconds. */
const expectSpread = (pairs: Pair[], i: 0 | 1) => {
  const s = pairs.map((p) => p[i] * 1000).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { count: 0, median: null, p90: null };
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { count: n, median: Math.round(median), p90: s[Math.max(1, Math.ceil(0.9 * n)) - 1] };
};

describe('agent report on the hand-counted scenario', () => {
  for (const [time, i] of [
    ['calendar', 0],
    ['business', 1],
  ] as const) {
    it(`gives each agent the hand-counted medians and p90 in ${time} time`, () => {
      const report = agentReport(world.db, scope(time), 1, 1, true);
      for (const [key, want] of Object.entries(fx.aggregates.agents)) {
        const row = report.items.find((r) => r.agentId === world.viewers[key].id);
        if ((want.resolutions as Pair[]).length === 0 && (want.firstResponses as Pair[]).length === 0) {
          expect(row, `${key} handled nothing`).toBeUndefined();
          continue;
        }
        expect(row?.firstResponse, `${key} first`).toEqual(expectSpread(want.firstResponses as Pair[], i));
        expect(row?.nextResponse, `${key} next`).toEqual(expectSpread(want.nextResponses as Pair[], i));
        expect(row?.resolution, `${key} resolution`).toEqual(expectSpread(want.resolutions as Pair[], i));
        const csat = want.csat as number[];
        expect(row?.csat.count, `${key} csat`).toBe(csat.length);
      }
      expect(report.attribution).toMatch(/resolved it/);
    });
  }

  it('ranks the three agents: A2 answers fastest in calendar time, B1 slowest in business time', () => {
    const cal = agentReport(world.db, scope('calendar'), 1, 1, true).deciles!;
    const bus = agentReport(world.db, scope('business'), 1, 1, true).deciles!;
    // calendar first-response medians: A1 (2550 s), A2 (42360 s), B1 (9000 s)
    expect(cal.firstResponse.top?.agents).toEqual([{ agentId: world.viewers.A1.id, value: 2_550_000 }]);
    expect(cal.firstResponse.bottom?.agents).toEqual([{ agentId: world.viewers.A2.id, value: 42_360_000 }]);
    expect(cal.firstResponse.gap).toBe(42_360_000 - 2_550_000);
    // business: A1 1050 s, A2 960 s, B1 7200 s
    expect(bus.firstResponse.top?.agents).toEqual([{ agentId: world.viewers.A2.id, value: 960_000 }]);
    expect(bus.firstResponse.bottom?.agents).toEqual([{ agentId: world.viewers.B1.id, value: 7_200_000 }]);
    expect(bus.firstResponse.trend).toEqual([{ ...range, gap: 6_240_000 }]);
  });

  it('lists behind each figure exactly the episodes, with the per-thread metric of each to the second', () => {
    const byEpisode = new Map(threads.flatMap((t) => t.episodes.map((e) => [e.episodeId, e])));
    for (const [time, field] of [
      ['calendar', 'calendarMs'],
      ['business', 'businessMs'],
    ] as const) {
      for (const key of ['A1', 'A2', 'B1']) {
        const agentId = world.viewers[key].id;
        const row = agentReport(world.db, scope(time, { agentId }), 1, 1, false).items[0];
        const first = drillDown(world.db, scope(time, { agentId }), 'firstResponse');
        expect(first.total).toBe(row.firstResponse.count);
        for (const it of first.items) expect(it.value).toBe(byEpisode.get(it.episodeId)!.firstResponse![field]);
        const res = drillDown(world.db, scope(time, { agentId }), 'resolution');
        expect(res.total).toBe(row.resolution.count);
        for (const it of res.items) expect(it.value).toBe(byEpisode.get(it.episodeId)!.resolution![field]);
        const next = drillDown(world.db, scope(time, { agentId }), 'nextResponse');
        const perThread = threads
          .flatMap((t) => t.episodes.flatMap((e) => e.replies))
          .filter((r) => r.agentId === agentId && !r.isFirst)
          .map((r) => r[field]);
        expect(next.items.map((x) => x.value).sort()).toEqual(perThread.sort());
        expect(first.items.every((x) => x.customerName.length > 0)).toBe(true);
      }
    }
  });

  it('gives each team the episodes it held at the time', () => {
    const report = teamReport(world.db, scope('calendar'));
    for (const [key, want] of Object.entries(fx.aggregates.teams)) {
      const row = report.items.find((r) => r.teamId === world.teamIds[key])!;
      expect(row.firstResponse, key).toEqual(expectSpread(want.firstResponses as Pair[], 0));
      expect(row.resolution, key).toEqual(expectSpread(want.resolutions as Pair[], 0));
    }
    expect(report.histogram.reduce((a, b) => a + b.count, 0)).toBe(report.total.firstResponse.count);
    expect(report.trend.reduce((a, b) => a + b.handled, 0)).toBe(report.total.handled);
  });
});
