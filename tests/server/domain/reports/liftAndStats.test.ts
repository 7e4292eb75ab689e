import { describe, expect, it } from 'vitest';
import { sentimentLift } from '#server/domain/reports/lift';
import { mean, percentile, share, spread } from '#server/domain/reports/stats';

describe('report statistics', () => {
  it.each([
    [[], 90, null],
    [[7], 90, 7],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90, 10],
    [[5, 1, 3], 50, 3],
    [[60_000, 120_000], 90, 120_000],
  ])('nearest-rank percentile of %j at p%i is %j', (xs, p, expected) => {
    expect(percentile(xs, p)).toBe(expected);
  });

  it('gives the median (mean of the middle two, whole ms) and p90', () => {
    expect(spread([])).toEqual({ count: 0, median: null, p90: null });
    expect(spread([3000, 1000, 2000])).toEqual({ count: 3, median: 2000, p90: 3000 });
    expect(spread([1000, 2001])).toEqual({ count: 2, median: 1501, p90: 2001 });
  });

  it('rounds shares and means', () => {
    expect(share(1, 3)).toBe(0.3333);
    expect(share(0, 0)).toBeNull();
    expect(mean([1, 2, 2])).toBe(1.667);
    expect(mean([])).toBeNull();
  });
});

describe('sentiment lift', () => {
  it('averages end − start over episodes with both confident marks only', () => {
    const r = sentimentLift([
      { start: -0.6, end: 0.4 }, // +1.0 improved
      { start: 0.2, end: 0.2 }, // 0 steady (one message)
      { start: 0.5, end: -0.1 }, // −0.6 worsened
      { start: null, end: 0.9 }, // no confident start: left out
      { start: -0.2, end: null }, // no confident end: left out
      { start: 0.0, end: 0.05 }, // +0.05: too small to count as better
    ]);
    expect(r).toEqual({ count: 4, lift: 0.113, improved: 1, worsened: 1 });
  });

  it('is null with no scored episodes', () => {
    expect(sentimentLift([{ start: null, end: null }])).toEqual({ count: 0, lift: null, improved: 0, worsened: 0 });
  });

  it('counts a move of exactly one step', () => {
    expect(
      sentimentLift([
        { start: 0.3, end: 0.4 },
        { start: 0.3, end: 0.2 },
      ]),
    ).toMatchObject({
      improved: 1,
      worsened: 1,
      lift: 0,
    });
  });
});
