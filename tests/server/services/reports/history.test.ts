import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportHistory } from '#server/services/demo/history';
import { computeThreadMetrics } from '#server/services/metrics';
import { agentReport, teamReport } from '#server/services/reports/agentReport';
import { drillDown } from '#server/services/reports/drill';
import { leadingReport, leadingSamples } from '#server/services/reports/leadingReport';
import type { ReportScope } from '#server/services/reports/scope';
import { makeAgent, makeTeam } from '#tests/factories';
import { tempDb } from '#tests/helpers/db';

// Six weeks of history from agents of known quality: the report must tell them apart, and every
// conversation behind a figure must carry that episode's own per-thread metric.
const NOW = Date.UTC(2026, 2, 2, 12);
const DAY = 86_400_000;
let t: ReturnType<typeof tempDb>;
let ids: number[];
let scope: ReportScope;
beforeAll(() => {
  t = tempDb();
  const teamId = makeTeam(t.db, { name: 'History' });
  ids = [0.95, 0.7, 0.5, 0.3, 0.05].map((_q, i) => makeAgent(t.db, { name: `Q${i}` }).id);
  const n = seedReportHistory(t.db, {
    now: NOW,
    teamId,
    agents: ids.map((id, i) => ({ id, quality: [0.95, 0.7, 0.5, 0.3, 0.05][i] })),
    weeks: 6,
    perDay: 2,
    seed: 7,
  });
  expect(n).toBeGreaterThan(200);
  scope = { from: NOW - 42 * DAY, to: NOW, teamIds: [teamId], time: 'calendar' };
});
afterAll(() => t?.cleanup());

describe('report over seeded history', () => {
  it('puts the best agent in the top decile and the worst in the bottom on response, CSAT and lift', () => {
    const r = agentReport(t.db, scope, 5, 3, true);
    const d = r.deciles!;
    for (const m of ['firstResponse', 'resolution', 'csat', 'sentimentLift'] as const) {
      expect(
        d[m].top?.agents.map((a) => a.agentId),
        m,
      ).toEqual([ids[0]]);
      expect(
        d[m].bottom?.agents.map((a) => a.agentId),
        m,
      ).toEqual([ids[4]]);
      expect(d[m].gap!, m).toBeGreaterThan(0);
    }
    expect(d.firstResponse.trend).toHaveLength(3);
    // The earlier periods carry each agent's own figures of that period (the table's sparklines).
    const span = 14 * DAY;
    const last = { ...scope, from: scope.to - span };
    const r2 = agentReport(t.db, last, 5, 3, false);
    expect(r2.earlier.map((e) => [e.from, e.to])).toEqual([
      [last.from - 2 * span, last.to - 2 * span],
      [last.from - span, last.to - span],
    ]);
    const before = agentReport(t.db, { ...last, from: last.from - span, to: last.to - span }, 5, 1, false);
    expect(r2.earlier[1].items.length).toBe(ids.length);
    for (const row of r2.earlier[1].items) {
      const { name: _name, ...figures } = before.items.find((i) => i.agentId === row.agentId)!;
      expect(row).toEqual(figures);
    }
  });

  it('lists behind the worst agent’s first responses their per-thread first responses', () => {
    const drill = drillDown(t.db, { ...scope, agentId: ids[4] }, 'firstResponse');
    const row = agentReport(t.db, { ...scope, agentId: ids[4] }, 5, 1, false).items[0];
    expect(drill.total).toBe(row.firstResponse.count);
    for (const it of drill.items.slice(0, 20)) {
      const ep = computeThreadMetrics(t.db, it.threadId).episodes.find((e) => e.episodeId === it.episodeId)!;
      expect(it.value).toBe(ep.firstResponse!.calendarMs);
    }
  });

  it('has leading indicators to show: promises beaten, returns, compliments', () => {
    const l = leadingReport(t.db, scope);
    expect(l.expectations.promised).toBeGreaterThan(50);
    expect(l.returning.returned).toBeGreaterThan(5);
    expect(l.compliments.count).toBeGreaterThan(10);
    const best = l.items.find((i) => i.agentId === ids[0])!;
    const worst = l.items.find((i) => i.agentId === ids[4])!;
    expect(best.compliments.count).toBeGreaterThan(worst.compliments.count);
    expect(best.expectations.share!).toBeGreaterThan(worst.expectations.share!);
  });

  it('lists behind each leading indicator exactly the outcomes it counts, in total and for one agent', () => {
    for (const agentId of [undefined, ids[4]]) {
      const s = { ...scope, agentId };
      const l = leadingReport(t.db, s);
      const behind = (m: 'expectations' | 'returning' | 'compliments') => {
        const all = leadingSamples(t.db, s, m);
        const d = drillDown(t.db, s, m);
        expect(d.total, m).toBe(all.length);
        expect(d.items.map((i) => i.episodeId)).toEqual(all.slice(0, 200).map((i) => i.episodeId));
        return { total: all.length, ones: all.filter((i) => i.value === 1).length, all };
      };
      const e = behind('expectations');
      expect([e.total, e.ones]).toEqual([l.expectations.promised, l.expectations.exceeded]);
      // Promises not beaten are listed first.
      const firstBeaten = e.all.findIndex((i) => i.value === 1);
      expect(firstBeaten).toBeGreaterThan(0);
      expect(e.all.slice(firstBeaten).every((i) => i.value === 1)).toBe(true);
      const r = behind('returning');
      expect([r.total, r.ones]).toEqual([l.returning.customers, l.returning.returned]);
      const c = behind('compliments');
      expect([c.total, c.ones]).toEqual([l.compliments.count, l.compliments.count]);
      expect(c.all.every((i, k) => k === 0 || c.all[k - 1].at >= i.at)).toBe(true);
    }
  });

  it('lists behind each first-response histogram bin exactly the conversations it counts', () => {
    const bins = teamReport(t.db, scope).histogram;
    expect(bins.filter((b) => b.count > 0).length).toBeGreaterThan(2);
    bins.forEach((b, i) => {
      const above = i === 0 ? undefined : (bins[i - 1].upToMs ?? undefined);
      const d = drillDown(t.db, scope, 'firstResponse', { above, upTo: b.upToMs ?? undefined });
      expect(d.total, `bin ${i}`).toBe(b.count);
      for (const it of d.items) {
        if (above !== undefined) expect(it.value).toBeGreaterThan(above);
        if (b.upToMs !== null) expect(it.value).toBeLessThanOrEqual(b.upToMs);
      }
    });
  });
});
