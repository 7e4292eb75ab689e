import { describe, expect, it } from 'vitest';
import type { BusinessSchedule } from '#shared/metrics/businessHours';
import {
  calibrate,
  positionBand,
  predictBusinessWaitMs,
  promiseFrom,
  promiseOutcome,
  quantile,
  type PromiseFacts,
  type PromiseOutcome,
  type QueueFacts,
  type WaitSample,
} from '#server/domain/waitPrediction';

const M = 60_000;
const H = 60 * M;
const WARSAW: BusinessSchedule = {
  timeZone: 'Europe/Warsaw',
  weekly: {
    1: [['09:00', '17:00']],
    2: [['09:00', '17:00']],
    3: [['09:00', '17:00']],
    4: [['09:00', '17:00']],
    5: [['09:00', '17:00']],
  },
  holidays: ['2026-04-06'],
};
const at = (iso: string) => Date.parse(iso);

describe('quantile (nearest rank)', () => {
  const cases: Array<[number[], number, number | null]> = [
    [[], 0.8, null],
    [[7], 0.8, 7],
    [[1, 2, 3, 4, 5], 0.8, 4],
    [[5, 4, 3, 2, 1, 6, 7, 8, 9, 10], 0.8, 8],
    [[10, 20], 0.5, 10],
    [[10, 20], 1, 20],
  ];
  for (const [xs, q, want] of cases)
    it(`q${q} of [${xs.join(',')}] = ${want}`, () => expect(quantile(xs, q)).toBe(want));
});

describe('comparable queue positions', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 2],
    [6, 3],
    [10, 3],
    [11, 4],
    [20, 4],
    [21, 5],
    [50, 5],
    [51, 6],
    [400, 6],
  ];
  for (const [ahead, band] of cases) it(`${ahead} ahead → band ${band}`, () => expect(positionBand(ahead)).toBe(band));
});

describe('predicted business wait', () => {
  const waits = (position: number, minutes: number[]): WaitSample[] =>
    minutes.map((m) => ({ position, waitMs: m * M }));
  const q = (over: Partial<QueueFacts>): QueueFacts => ({
    samples: [],
    recentFirstResponses: [],
    waitingAhead: 0,
    agentsOnline: 1,
    ...over,
  });
  const cases: Array<[string, QueueFacts, number]> = [
    ['no history, nobody ahead: the 15 min default', q({}), 15 * M],
    ['no history, 3 ahead, 2 online: two rounds of the default', q({ waitingAhead: 3, agentsOnline: 2 }), 30 * M],
    ['no history, nobody online: one round per customer', q({ waitingAhead: 2, agentsOnline: 0 }), 45 * M],
    [
      'first responses only: their p80, not their mean (1,1,1,1,20 → 1 min mean 4.8, p80 1)',
      q({ recentFirstResponses: [1, 1, 1, 1, 20].map((m) => m * M) }),
      1 * M,
    ],
    [
      'first responses p80 (2,4,6,8,10 → 8 min)',
      q({ recentFirstResponses: [2, 4, 6, 8, 10].map((m) => m * M) }),
      8 * M,
    ],
    [
      '39 ahead: the waits of customers who stood 21–50 deep, not the short ones',
      q({ samples: [...waits(0, [1, 1, 2, 2, 3]), ...waits(39, [60, 90, 120, 150, 276])], waitingAhead: 39 }),
      150 * M,
    ],
    [
      'too few comparable samples (4): falls back to first responses times the rounds ahead',
      q({
        samples: waits(30, [600, 600, 600, 600]),
        recentFirstResponses: [5 * M],
        waitingAhead: 30,
        agentsOnline: 10,
      }),
      20 * M,
    ],
    ['rounded up to whole minutes', q({ samples: waits(0, [0.2, 0.5, 1.1, 1.2, 1.3]) }), 2 * M],
    ['at least one minute', q({ samples: waits(0, [0.1, 0.1, 0.1, 0.1, 0.1]) }), 1 * M],
    ['capped at 24 business hours', q({ samples: waits(0, [5000, 5000, 5000, 5000, 5000]) }), 24 * H],
  ];
  for (const [name, facts, want] of cases) it(name, () => expect(predictBusinessWaitMs(facts)).toBe(want));
});

describe('a business wait becomes a promise through the opening hours', () => {
  const cases: Array<[string, string, number, BusinessSchedule | null, string, boolean]> = [
    [
      'Friday 16:50, closing 17:00, 30 min → Monday 09:20',
      '2026-03-27T15:50:00Z',
      30 * M,
      WARSAW,
      '2026-03-30T07:20:00Z',
      true,
    ],
    ['Tuesday 10:00, 30 min → Tuesday 10:30', '2026-04-07T08:00:00Z', 30 * M, WARSAW, '2026-04-07T08:30:00Z', false],
    [
      'Tuesday 16:30, 30 min → closes exactly then: Tuesday 17:00',
      '2026-04-07T14:30:00Z',
      30 * M,
      WARSAW,
      '2026-04-07T15:00:00Z',
      false,
    ],
    [
      'Saturday night, 30 min → Monday 09:30 (over the DST change)',
      '2026-03-28T22:00:00Z',
      30 * M,
      WARSAW,
      '2026-03-30T07:30:00Z',
      true,
    ],
    [
      'Friday 3 Apr 16:00, 2 h → Easter Monday is closed: Tuesday 10:00',
      '2026-04-03T14:00:00Z',
      2 * H,
      WARSAW,
      '2026-04-07T08:00:00Z',
      true,
    ],
    ['no hours: calendar time', '2026-03-27T15:50:00Z', 30 * M, null, '2026-03-27T16:20:00Z', false],
  ];
  for (const [name, now, wait, schedule, by, later] of cases)
    it(name, () => {
      const p = promiseFrom(at(now), wait, schedule);
      expect(new Date(p.by).toISOString()).toBe(new Date(at(by)).toISOString());
      expect(p.ms).toBe(at(by) - at(now));
      expect(p.later).toBe(later);
    });
});

describe('promise outcomes and calibration (Braid’s clock for both instants)', () => {
  const made = at('2026-04-08T10:00:00Z');
  const base: PromiseFacts = { madeAt: made, promisedMs: 30 * M, firstResponseAt: null, resolvedAt: null };
  const cases: Array<[string, Partial<PromiseFacts>, number, PromiseOutcome]> = [
    ['answered before the promised instant', { firstResponseAt: made + 29 * M }, made + H, 'kept'],
    ['answered exactly at it', { firstResponseAt: made + 30 * M }, made + H, 'kept'],
    ['answered a second late', { firstResponseAt: made + 30 * M + 1000 }, made + H, 'missed'],
    ['not answered, promise still running', {}, made + 10 * M, 'pending'],
    ['not answered, promise over', {}, made + 31 * M, 'missed'],
    ['resolved without a reply before the promise ran out', { resolvedAt: made + 5 * M }, made + H, 'unanswered'],
    ['resolved without a reply after the promise ran out', { resolvedAt: made + 45 * M }, made + H, 'missed'],
  ];
  for (const [name, over, now, want] of cases)
    it(name, () => expect(promiseOutcome({ ...base, ...over }, now)).toBe(want));

  it('counts the share of kept among decided promises', () => {
    expect(calibrate(['kept', 'kept', 'kept', 'missed', 'pending', 'unanswered'])).toEqual({
      promises: 6,
      kept: 3,
      missed: 1,
      pending: 1,
      unanswered: 1,
      keptShare: 0.75,
    });
    expect(calibrate(['pending'])).toMatchObject({ promises: 1, keptShare: null });
  });
});
