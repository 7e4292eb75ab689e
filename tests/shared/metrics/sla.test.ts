import { describe, it, expect } from 'vitest';
import {
  computeSlaClocks,
  selectSlaPolicy,
  slaStatus,
  slaThresholdInstants,
  type SlaClock,
  type SlaPolicy,
  type ThreadSlaInput,
} from '#shared/metrics/sla';
import type { BusinessSchedule } from '#shared/metrics/businessHours';

const MIN = 60_000;
const H = 3_600_000;
/** Month is 1-based here, unlike Date.UTC. 2026-01-09 is a Friday; Warsaw in January is CET = UTC+1. */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const nineToFive: Array<[string, string]> = [['09:00', '17:00']];
const warsaw: BusinessSchedule = {
  timeZone: 'Europe/Warsaw',
  weekly: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: [],
};
const friday1500 = utc(2026, 1, 9, 14); // Fri 15:00 CET

const policy = (id: number, match: SlaPolicy['match'], extra: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id,
  name: `p${id}`,
  match,
  businessHours: true,
  ...extra,
});

describe('selectSlaPolicy', () => {
  const policies = [
    policy(5, { tiers: ['vip'] }),
    policy(4, { channels: ['email'] }),
    policy(3, { teamIds: [7], priorities: ['urgent'] }),
    policy(2, { priorities: ['urgent'] }),
    policy(1, {}),
  ];

  it('prefers the policy matching the most criteria', () => {
    expect(selectSlaPolicy(policies, { teamId: 7, channel: 'email', tier: null, priority: 'urgent' })?.id).toBe(3);
  });

  it('breaks ties by lowest id', () => {
    // p2 (priority) and p4 (channel) both match one criterion.
    expect(selectSlaPolicy(policies, { teamId: 8, channel: 'email', tier: null, priority: 'urgent' })?.id).toBe(2);
  });

  it('falls back to the catch-all and treats a null value as not matching a list', () => {
    expect(selectSlaPolicy(policies, { teamId: 8, channel: 'sms', tier: 'vip', priority: 'low' })?.id).toBe(5);
    expect(selectSlaPolicy(policies, { teamId: null, channel: null, tier: null, priority: 'low' })?.id).toBe(1);
  });

  it('treats an empty list as matching anything and returns null without a match', () => {
    const only = [policy(9, { teamIds: [], channels: ['sms'] })];
    expect(selectSlaPolicy(only, { teamId: 3, channel: 'sms', tier: null, priority: 'normal' })?.id).toBe(9);
    expect(selectSlaPolicy(only, { teamId: 3, channel: 'email', tier: null, priority: 'normal' })).toBeNull();
    expect(selectSlaPolicy([], { teamId: 3, channel: 'sms', tier: null, priority: 'normal' })).toBeNull();
  });
});

describe('computeSlaClocks', () => {
  const targets = policy(1, {}, { firstResponseMs: 4 * H, nextResponseMs: 2 * H, resolutionMs: 24 * H });
  const fresh: ThreadSlaInput = {
    episodeOpenedAt: friday1500,
    firstResponseAt: null,
    waitingSince: friday1500,
    resolvedAt: null,
  };

  it('runs first-response and resolution clocks on a new episode, in business time', () => {
    expect(computeSlaClocks(targets, fresh, warsaw)).toEqual([
      // 4 h: Fri 15–17 (2 h) + Mon 9–11 (2 h) → Mon 11:00 CET.
      { kind: 'first_response', startedAt: friday1500, targetMs: 4 * H, dueAt: utc(2026, 1, 12, 10) },
      // 24 h: Fri 2 + Mon 8 + Tue 8 + Wed 6 → Wed 2026-01-14 15:00 CET.
      { kind: 'resolution', startedAt: friday1500, targetMs: 24 * H, dueAt: utc(2026, 1, 14, 14) },
    ]);
  });

  it('runs a next-response clock after the first reply when the customer writes again', () => {
    const input = { ...fresh, firstResponseAt: utc(2026, 1, 12, 9), waitingSince: utc(2026, 1, 12, 15) };
    const [next] = computeSlaClocks(targets, input, warsaw);
    // Mon 16:00 CET + 2 h: Mon 16–17, Tue 9–10 → Tue 10:00 CET.
    expect(next).toEqual({
      kind: 'next_response',
      startedAt: utc(2026, 1, 12, 15),
      targetMs: 2 * H,
      dueAt: utc(2026, 1, 13, 9),
    });
    const answered = computeSlaClocks(targets, { ...input, waitingSince: null }, warsaw);
    expect(answered.map((c) => c.kind)).toEqual(['resolution']);
  });

  it('pauses only the resolution clock while pending/snoozed and shifts it by paused time', () => {
    const paused = computeSlaClocks(targets, { ...fresh, pausedForStatus: true }, warsaw);
    expect(paused.map((c) => c.kind)).toEqual(['first_response']);
    const resumed = computeSlaClocks(
      targets,
      { ...fresh, waitingSince: null, firstResponseAt: friday1500, pausedMs: 8 * H },
      warsaw,
    );
    // Effective start = Fri 15:00 + 8 business h = Mon 15:00 CET; + 24 h: Mon 2, Tue 8, Wed 8, Thu 6 → Thu 15:00 CET.
    expect(resumed).toEqual([
      { kind: 'resolution', startedAt: utc(2026, 1, 12, 14), targetMs: 24 * H, dueAt: utc(2026, 1, 15, 14) },
    ]);
  });

  it('runs nothing once resolved, and counts calendar time when the policy says so', () => {
    expect(computeSlaClocks(targets, { ...fresh, resolvedAt: utc(2026, 1, 9, 15) }, warsaw)).toEqual([]);
    const calendar = { ...targets, businessHours: false };
    // Fri 15:00 + 4 h = Fri 19:00 CET, the schedule is ignored.
    expect(computeSlaClocks(calendar, fresh, warsaw)[0].dueAt).toBe(utc(2026, 1, 9, 18));
    // A business-hours policy without a known schedule also counts calendar time.
    expect(computeSlaClocks(targets, fresh, null)[0].dueAt).toBe(utc(2026, 1, 9, 18));
  });
});

describe('slaThresholdInstants', () => {
  const clock: SlaClock = {
    kind: 'first_response',
    startedAt: friday1500,
    targetMs: 4 * H,
    dueAt: utc(2026, 1, 12, 10),
  };

  it('fires across the weekend in business time', () => {
    expect(slaThresholdInstants(clock, warsaw, true)).toEqual([
      { fraction: 0.5, at: utc(2026, 1, 9, 16) }, // 2 h used exactly at Fri 17:00 CET (the close)
      { fraction: 0.75, at: utc(2026, 1, 12, 9) }, // 3 h: 2 h Fri + 1 h → Mon 10:00 CET
      { fraction: 0.9, at: utc(2026, 1, 12, 9, 36) }, // 3.6 h = 216 min: 120 Fri + 96 → Mon 10:36 CET
      { fraction: 1, at: utc(2026, 1, 12, 10) }, // 4 h → Mon 11:00 CET = dueAt
    ]);
  });

  it('fires on the wall clock in calendar time', () => {
    // Fri 15:00 CET + 2 h, 3 h, 3 h 36 min, 4 h.
    expect(slaThresholdInstants(clock, warsaw, false).map((t) => t.at)).toEqual([
      utc(2026, 1, 9, 16),
      utc(2026, 1, 9, 17),
      utc(2026, 1, 9, 17, 36),
      utc(2026, 1, 9, 18),
    ]);
  });
});

describe('slaStatus', () => {
  const first: SlaClock = {
    kind: 'first_response',
    startedAt: friday1500,
    targetMs: 4 * H,
    dueAt: utc(2026, 1, 12, 10),
  };
  const resolution: SlaClock = {
    kind: 'resolution',
    startedAt: friday1500,
    targetMs: 24 * H,
    dueAt: utc(2026, 1, 14, 14),
  };
  const clocks = [resolution, first];

  it('is ok with nothing running', () => {
    expect(slaStatus([], friday1500, warsaw, true)).toEqual({
      state: 'ok',
      nextDueAt: null,
      kind: null,
      fractionUsed: 0,
    });
  });

  it('moves ok → warning (≥ 75 %) → breached (≥ 100 %) in business time', () => {
    // Fri 16:00 CET: 1 h of 4 h = 0.25 (resolution only 1/24).
    expect(slaStatus(clocks, utc(2026, 1, 9, 15), warsaw, true)).toEqual({
      state: 'ok',
      nextDueAt: utc(2026, 1, 12, 10),
      kind: 'first_response',
      fractionUsed: 0.25,
    });
    // Saturday noon: still 2 h of 4 h — the weekend does not count.
    expect(slaStatus(clocks, utc(2026, 1, 10, 11), warsaw, true).fractionUsed).toBe(0.5);
    // Mon 10:00 CET: 3 h / 4 h = 0.75 → warning.
    expect(slaStatus(clocks, utc(2026, 1, 12, 9), warsaw, true).state).toBe('warning');
    // Mon 10:59 CET: 3 h 59 min / 4 h < 1 → still warning; Mon 11:00 CET → breached.
    expect(slaStatus(clocks, utc(2026, 1, 12, 9, 59), warsaw, true).state).toBe('warning');
    expect(slaStatus(clocks, utc(2026, 1, 12, 10), warsaw, true)).toMatchObject({ state: 'breached', fractionUsed: 1 });
  });

  it('counts calendar time when the policy is not business-hours', () => {
    // Saturday noon CET is 21 h after Fri 15:00: 21/4 = 5.25 of the first-response target.
    expect(slaStatus(clocks, utc(2026, 1, 10, 11), warsaw, false)).toMatchObject({
      state: 'breached',
      fractionUsed: 5.25,
    });
  });

  it('reports the clock due first when two are equally used', () => {
    const a: SlaClock = { kind: 'resolution', startedAt: 0, targetMs: 2 * H, dueAt: 2 * H };
    const b: SlaClock = { kind: 'next_response', startedAt: 30 * MIN, targetMs: 1 * H, dueAt: 90 * MIN };
    // At 60 min: a used 1/2, b used 0.5/1 — equal; b is due first.
    expect(slaStatus([a, b], 60 * MIN, null, false)).toMatchObject({
      kind: 'next_response',
      nextDueAt: 90 * MIN,
      fractionUsed: 0.5,
    });
  });
});
