import { describe, expect, it } from 'vitest';
import { decideAlerts, waitMinutes, type AlertFigures, type RuleState } from '#server/domain/teamAlerts';

const figures = (p: Partial<AlertFigures>): AlertFigures => ({
  waiting_count: 0,
  oldest_wait_minutes: 0,
  sla_breaches_hour: 0,
  negative_spike_hour: 0,
  ...p,
});
const rule = (kind: RuleState['kind'], threshold: number, enabled = true): RuleState => ({ kind, threshold, enabled });

describe('decideAlerts', () => {
  it.each([
    ['at the threshold: nothing', [rule('waiting_count', 5)], [], figures({ waiting_count: 5 }), [], []],
    [
      'above: fires with the figure',
      [rule('waiting_count', 5)],
      [],
      figures({ waiting_count: 6 }),
      ['waiting_count:6'],
      [],
    ],
    [
      'above with an open crossing: nothing more',
      [rule('waiting_count', 5)],
      [{ id: 7, kind: 'waiting_count' as const }],
      figures({ waiting_count: 9 }),
      [],
      [],
    ],
    [
      'back at the threshold: clears (re-arms)',
      [rule('waiting_count', 5)],
      [{ id: 7, kind: 'waiting_count' as const }],
      figures({ waiting_count: 5 }),
      [],
      [7],
    ],
    [
      'disabled rule: never fires, clears an open crossing',
      [rule('sla_breaches_hour', 0, false)],
      [{ id: 3, kind: 'sla_breaches_hour' as const }],
      figures({ sla_breaches_hour: 4 }),
      [],
      [3],
    ],
    [
      'removed rule: clears',
      [],
      [{ id: 4, kind: 'negative_spike_hour' as const }],
      figures({ negative_spike_hour: 9 }),
      [],
      [4],
    ],
    [
      'each kind on its own figure',
      [rule('oldest_wait_minutes', 10), rule('negative_spike_hour', 2), rule('sla_breaches_hour', 1)],
      [],
      figures({ oldest_wait_minutes: 11, negative_spike_hour: 2, sla_breaches_hour: 2 }),
      ['oldest_wait_minutes:11', 'sla_breaches_hour:2'],
      [],
    ],
  ])('%s', (_name, rules, open, f, fire, clear) => {
    const d = decideAlerts(rules, open, f);
    expect(d.fire.map((x) => `${x.kind}:${x.value}`).sort()).toEqual(fire);
    expect(d.clear).toEqual(clear);
  });
});

describe('waitMinutes', () => {
  it('rounds down and is 0 when nobody waits', () => {
    expect(waitMinutes(null, 1e6)).toBe(0);
    expect(waitMinutes(0, 5 * 60_000 + 59_999)).toBe(5);
    expect(waitMinutes(10, 5)).toBe(0);
  });
});
