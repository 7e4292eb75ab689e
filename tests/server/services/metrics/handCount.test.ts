import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { episodeFacts, messages, replyFacts, settings, surveyFacts } from '#server/db/schema';
import { backfillMetricFacts } from '#server/services/metricBackfill';
import { computeThreadMetrics } from '#server/services/metrics';
import { aggregateBy, emptyAggregate } from '#server/services/metricReports';
import { loadHandCount, playHandCount } from './handCountWorld';

// Every figure of the independent hand count, to the second: per episode, per agent, per team.
const fx = loadHandCount();
let world: Awaited<ReturnType<typeof playHandCount>>;
beforeAll(async () => {
  world = await playHandCount(fx);
}, 60_000);
afterAll(() => world?.close());

type Pair = [number, number];
const ms = ([calendar, business]: Pair) => ({ calendarMs: calendar * 1000, businessMs: business * 1000 });
// Report averages are whole milliseconds (docs/metrics.md, "Averages and medians").
const mean = (xs: Pair[]) => {
  if (xs.length === 0) return null;
  const avg = (i: 0 | 1) => Math.round((xs.reduce((s, x) => s + x[i], 0) / xs.length) * 1000);
  return { calendarMs: avg(0), businessMs: avg(1) };
};
const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medianPair = (xs: Pair[]) => (xs.length === 0 ? null : ms([med(xs.map((x) => x[0])), med(xs.map((x) => x[1]))]));

describe('hand-counted scenario: per-thread figures', () => {
  for (const th of fx.threads) {
    it(`${th.id}: every episode matches the hand count`, () => {
      const m = computeThreadMetrics(world.db, world.threadIds[th.id]);
      expect(m.episodes.map((e) => e.number)).toEqual(th.expect.map((x) => x.episode));
      for (const want of th.expect) {
        const got = m.episodes.find((e) => e.number === want.episode)!;
        const where = `${th.id} episode ${want.episode}`;
        expect(got.firstResponse, `${where} first response`).toEqual(ms(want.firstResponse as Pair));
        expect(got.nextResponses, `${where} next responses`).toEqual((want.nextResponses as Pair[]).map(ms));
        expect(got.resolution, `${where} resolution`).toEqual(ms(want.resolution as Pair));
        if ('averageReply' in want) expect(got.averageReply, `${where} average`).toEqual(ms(want.averageReply as Pair));
        if ('csat' in want) expect(got.survey?.score ?? null, `${where} CSAT`).toBe(want.csat);
        expect(got.failedReplies, `${where} failed replies`).toBe(want.failedReplies ?? 0);
        if ('team' in want) expect(got.teamId, `${where} team`).toBe(world.teamIds[want.team as string]);
      }
    });
  }

  it('T3: the reply sorts after the email whose Date header was 5 minutes fast', () => {
    const rows = world.db
      .select({ direction: messages.direction, isAuto: messages.isAuto })
      .from(messages)
      .where(eq(messages.threadId, world.threadIds.T3))
      .orderBy(asc(messages.sortTs), asc(messages.id))
      .all()
      .filter((r) => r.direction !== 'system' && !r.isAuto);
    expect(rows.map((r) => r.direction)).toEqual(['inbound', 'outbound']);
  });
});

describe('hand-counted scenario: per-agent and per-team figures', () => {
  const range = { from: Date.parse(fx.aggregates.range[0]), to: Date.parse(fx.aggregates.range[1]) };

  it('each agent gets only the figures of what they handled (an admin who handled nothing: zero)', () => {
    const figures = aggregateBy(world.db, 'agent', range);
    for (const [key, want] of Object.entries(fx.aggregates.agents)) {
      const got = figures.get(world.viewers[key].id) ?? emptyAggregate();
      const firsts = want.firstResponses as Pair[];
      const timed = [...firsts, ...(want.nextResponses as Pair[])];
      const resolutions = want.resolutions as Pair[];
      const csat = want.csat as number[];
      expect(got.firstResponse, `${key} first responses`).toEqual({
        count: firsts.length,
        avg: mean(firsts),
        median: medianPair(firsts),
      });
      expect(got.reply, `${key} replies`).toEqual({ count: timed.length, avg: mean(timed) });
      expect(got.resolution, `${key} resolutions`).toEqual({ count: resolutions.length, avg: mean(resolutions) });
      expect(got.failedReplies, `${key} failed replies`).toBe(want.failedReplies);
      expect(got.csat, `${key} CSAT`).toEqual({
        count: csat.length,
        avg: csat.length ? csat.reduce((a, b) => a + b, 0) / csat.length : null,
      });
    }
  });

  it('each team gets the episodes it held at the time, in its own business hours', () => {
    const figures = aggregateBy(world.db, 'team', range);
    for (const [key, want] of Object.entries(fx.aggregates.teams)) {
      const got = figures.get(world.teamIds[key]) ?? emptyAggregate();
      const firsts = want.firstResponses as Pair[];
      const resolutions = want.resolutions as Pair[];
      expect(got.episodes, `${key} episodes`).toBe(want.episodes);
      expect(got.firstResponse, `${key} first responses`).toEqual({
        count: firsts.length,
        avg: mean(firsts),
        median: medianPair(firsts),
      });
      expect(got.resolution, `${key} resolutions`).toEqual({ count: resolutions.length, avg: mean(resolutions) });
      const timed = [...firsts, ...(want.nextResponses as Pair[])];
      expect(got.reply, `${key} replies (first and next)`).toEqual({ count: timed.length, avg: mean(timed) });
      expect(got.failedReplies, `${key} failed replies`).toBe(want.failedReplies);
    }
  });
});

describe('hand-counted scenario: back-fill', () => {
  it('writes the same facts from the stored history as were written live', () => {
    const range = { from: Date.parse(fx.aggregates.range[0]), to: Date.parse(fx.aggregates.range[1]) };
    const before = {
      threads: Object.values(world.threadIds).map((id) => computeThreadMetrics(world.db, id)),
      agents: [...aggregateBy(world.db, 'agent', range)],
      teams: [...aggregateBy(world.db, 'team', range)],
    };
    world.db.delete(replyFacts).run();
    world.db.delete(episodeFacts).run();
    world.db.delete(surveyFacts).run();
    world.db.delete(settings).where(eq(settings.key, 'metricFactsBackfilled')).run();
    expect(backfillMetricFacts(world.db)).toEqual({ replies: 9, episodes: 7 });
    expect(backfillMetricFacts(world.db)).toEqual({ replies: 0, episodes: 0 }); // once per database
    const now = () => ({
      threads: Object.values(world.threadIds).map((id) => computeThreadMetrics(world.db, id)),
      agents: [...aggregateBy(world.db, 'agent', range)],
      teams: [...aggregateBy(world.db, 'team', range)],
    });
    expect(now()).toEqual(before);
    // As on a big database: many read pages and write batches (writes between pages, never under an open read).
    world.db.delete(replyFacts).run();
    world.db.delete(episodeFacts).run();
    world.db.delete(surveyFacts).run();
    world.db.delete(settings).where(eq(settings.key, 'metricFactsBackfilled')).run();
    expect(backfillMetricFacts(world.db, { batch: 2, episodePage: 1 })).toEqual({ replies: 9, episodes: 7 });
    expect(now()).toEqual(before);
  });
});
