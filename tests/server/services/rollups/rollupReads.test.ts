import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorkspace } from '#server/services/demo/seed';
import { median } from '#server/domain/waitPrediction';
import { aggregateBy } from '#server/services/metricReports';
import { figuresOf } from '#server/services/reports/figures';
import { figuresBy } from '#server/services/reports/rollupFigures';
import { collectSamples } from '#server/services/reports/samples';
import type { ReportScope } from '#server/services/reports/scope';
import { splitRange } from '#server/services/rollups/read';
import { tempDb } from '#tests/helpers/db';

// Reports read whole UTC days from the rollups and the partial days at the edges from the raw facts:
// every figure equals the same figure computed from the raw facts (collectSamples, which the
// drill-down lists), for ranges that start and end anywhere in a day, in both clocks and with filters.
const t = tempDb();
const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 15, 12, 34, 56, 789);
let teams: number[] = [];
let agents: number[] = [];
beforeAll(async () => {
  await seedDemoWorkspace(t.db, now);
  teams = t.db
    .all<{ id: number }>('select distinct team_id id from episode_facts where team_id is not null' as never)
    .map((r) => r.id);
  agents = t.db.all<{ id: number }>('select distinct agent_id id from reply_facts' as never).map((r) => r.id);
  const busiest = t.db.get<{ day: number }>(
    'select at / 86400000 day from reply_facts group by 1 order by count(*) desc limit 1' as never,
  )!.day;
  RANGES[3] = ['within one day', busiest * DAY + 3_600_000 + 17, busiest * DAY + 20 * 3_600_000 - 3];
}, 60_000);
afterAll(() => t.cleanup());

const RANGES: Array<[string, number, number]> = [
  ['whole days', Math.floor(now / DAY) * DAY - 28 * DAY, Math.floor(now / DAY) * DAY],
  ['ragged edges', now - 30 * DAY - 3_600_123, now - 2 * DAY + 41_000],
  ['thirty days to now', now - 30 * DAY, now],
  // Filled in with a day that has replies: a range inside one UTC day is read from raw facts only.
  ['within one day', 0, 0],
  ['everything', 0, now + DAY],
];
// `handled` counts an episode where it was first handled: equal to the raw distinct count when no
// episode straddles the range's start (true of a range holding all history).
const withoutHandled = <T extends { handled: number }>(f: T) => ({ ...f, handled: 0 });

describe('reports from the rollups equal the raw facts', () => {
  it('splits a range into whole UTC days and its edges', () => {
    expect(splitRange(DAY + 5, 4 * DAY - 5)).toEqual({
      days: [2, 3],
      edges: [
        [DAY + 5, 2 * DAY],
        [3 * DAY, 4 * DAY - 5],
      ],
    });
    expect(splitRange(DAY, 3 * DAY)).toEqual({ days: [1, 3], edges: [] });
    expect(splitRange(DAY + 5, 2 * DAY - 5)).toEqual({ days: null, edges: [[DAY + 5, 2 * DAY - 5]] });
  });

  for (const [i, [name]] of RANGES.entries())
    for (const time of ['calendar', 'business'] as const)
      it(`${name}, ${time} time: per agent, per team, in total, and filtered`, () => {
        const [, from, to] = RANGES[i];
        const scopes: ReportScope[] = [
          { from, to, teamIds: null, time },
          { from, to, teamIds: [teams[0]], time },
          { from, to, teamIds: null, time, channel: 'webchat' },
          { from, to, teamIds: null, time, agentId: agents[1] },
        ];
        for (const s of scopes)
          for (const by of ['agent', 'team', 'all'] as const) {
            const raw = new Map([...collectSamples(t.db, s, by)].map(([k, x]) => [k, figuresOf(x)]));
            const got = figuresBy(t.db, s, by);
            const keys = [...new Set([...raw.keys(), ...got.keys()])].filter(
              (k) => raw.get(k)?.handled !== 0 || got.has(k),
            );
            expect(keys.length, `${name} ${by}`).toBeGreaterThan(0);
            for (const k of keys) {
              const a = got.get(k);
              const b = raw.get(k);
              expect(a && withoutHandled(a), `${name} ${time} ${by} ${k} ${JSON.stringify(s)}`).toEqual(
                b && withoutHandled(b),
              );
              if (name === 'everything') expect(a?.handled).toBe(b?.handled);
            }
          }
      });

  it('the metrics API figures (both clocks, first-response medians) equal the raw facts on ragged ranges', () => {
    for (const [, from, to] of RANGES)
      for (const by of ['agent', 'team'] as const) {
        const got = aggregateBy(t.db, by, { from, to });
        const cal = collectSamples(t.db, { from, to, teamIds: null, time: 'calendar' }, by);
        const bus = collectSamples(t.db, { from, to, teamIds: null, time: 'business' }, by);
        for (const [k, x] of cal) {
          if (k === null) continue;
          const m = got.get(k)!;
          const c = x.firstResponse.map((v) => v.value);
          const b = bus.get(k)!.firstResponse.map((v) => v.value);
          expect(m.firstResponse.count).toBe(c.length);
          expect(m.firstResponse.median).toEqual(c.length ? { calendarMs: median(c), businessMs: median(b) } : null);
          const timed = [...c, ...x.nextResponse.map((v) => v.value)];
          expect(m.reply.count).toBe(timed.length);
          if (timed.length)
            expect(m.reply.avg!.calendarMs).toBe(Math.round(timed.reduce((p, q) => p + q, 0) / timed.length));
          expect(m.resolution.count).toBe(x.resolution.length);
          expect(m.csat.count).toBe(x.csat.length);
        }
      }
  });
});
