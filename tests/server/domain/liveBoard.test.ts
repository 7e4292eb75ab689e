import { describe, expect, it } from 'vitest';
import { foldBoardSla, foldBoardTallies } from '#server/domain/liveBoard';
import { emptyQueue, sumQueues } from '#shared/liveBoard';
import { medianOfSorted, startOfDay } from '#server/services/liveBoardFirstResponse';

describe('SLA tiles', () => {
  it('count a thread past 100 % as breached, past 75 % only as at risk, in its team and its channel', () => {
    const { queue, channels } = foldBoardTallies([
      { channel: 'email', status: 'open', unassigned: 1, waiting: 1, n: 3 },
      { channel: 'sms', status: 'open', unassigned: 0, waiting: 1, n: 1 },
    ]);
    foldBoardSla(
      [
        { channel: 'email', fraction: 0.75 },
        { channel: 'email', fraction: 1 },
        { channel: 'sms', fraction: 0.9 },
        { channel: '', fraction: 1.5 },
      ],
      queue,
      channels,
    );
    expect([queue.slaAtRisk, queue.slaBreached]).toEqual([2, 2]);
    expect([channels.get('email')!.slaAtRisk, channels.get('email')!.slaBreached]).toEqual([1, 1]);
    expect([channels.get('sms')!.slaAtRisk, channels.get('sms')!.slaBreached]).toEqual([1, 0]);
  });

  it('add up over teams in the "all" tile', () => {
    const a = { ...emptyQueue(), slaAtRisk: 2, slaBreached: 1 };
    const b = { ...emptyQueue(), slaAtRisk: 0, slaBreached: 4 };
    expect(sumQueues([a, b])).toMatchObject({ slaAtRisk: 2, slaBreached: 5 });
  });
});

describe('first-response median today', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(medianOfSorted([])).toBeNull();
    expect(medianOfSorted([5])).toBe(5);
    expect(medianOfSorted([1, 2, 9])).toBe(2);
    expect(medianOfSorted([1, 2, 4, 9])).toBe(3);
  });

  it('counts from midnight in the team zone (UTC without one)', () => {
    const now = Date.UTC(2026, 5, 10, 20, 30); // 03:30 on 11 June in Bangkok (UTC+7)
    expect(startOfDay(now, null)).toBe(Date.UTC(2026, 5, 10));
    expect(startOfDay(now, 'Asia/Bangkok')).toBe(Date.UTC(2026, 5, 10, 17));
    expect(startOfDay(now, 'America/New_York')).toBe(Date.UTC(2026, 5, 10, 4));
    expect(startOfDay(now, 'Not/AZone')).toBe(Date.UTC(2026, 5, 10));
  });
});
