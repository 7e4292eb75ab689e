import { describe, it, expect } from 'vitest';
import {
  computeEpisodeMetrics,
  computeReplyTimings,
  waitingSince,
  type EpisodeSpan,
  type TimelineMessage,
} from '#shared/metrics/responseTimes';
import type { BusinessSchedule } from '#shared/metrics/businessHours';

const MIN = 60_000;
const H = 3_600_000;
/** Month is 1-based here, unlike Date.UTC. 2026-01-05 is a Monday. */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s);
const nineToFive: Array<[string, string]> = [['09:00', '17:00']];
const schedule: BusinessSchedule = {
  timeZone: 'UTC',
  weekly: { 1: nineToFive, 2: nineToFive, 3: nineToFive, 4: nineToFive, 5: nineToFive },
  holidays: [],
};

type Dir = TimelineMessage['direction'];
const msg = (id: number, direction: Dir, at: number, episodeId: number, extra: Partial<TimelineMessage> = {}) => ({
  id,
  direction,
  at,
  episodeId,
  ...extra,
});

// Episode 1 opens Mon 08:00, resolved Tue 11:00; episode 2 re-opens Fri 16:30 and is still open.
const timeline: TimelineMessage[] = [
  msg(1, 'inbound', utc(2026, 1, 5, 8), 1),
  msg(2, 'outbound', utc(2026, 1, 5, 8, 0, 5), 1, { isAuto: true }), // auto-ack: not a response
  msg(3, 'inbound', utc(2026, 1, 5, 8, 30), 1),
  msg(4, 'note', utc(2026, 1, 5, 9, 10), 1), // internal note: ignored
  msg(5, 'outbound', utc(2026, 1, 5, 9, 30), 1), // first response, waited since 08:00 (m1)
  msg(6, 'outbound', utc(2026, 1, 5, 9, 35), 1), // second in a row: no timing
  msg(7, 'inbound', utc(2026, 1, 5, 16), 1),
  msg(8, 'system', utc(2026, 1, 5, 16, 5), 1),
  msg(9, 'outbound', utc(2026, 1, 6, 10), 1), // next response, waited since Mon 16:00
  msg(10, 'inbound', utc(2026, 1, 6, 10, 5), 1), // "thanks" — never answered before resolution
  msg(11, 'inbound', utc(2026, 1, 6, 11, 30), 1, { isSurveyAnswer: true }),
  msg(12, 'inbound', utc(2026, 1, 9, 16, 30), 2), // re-opens the thread
  msg(13, 'outbound', utc(2026, 1, 9, 16, 30, 2), 2, { isAuto: true }),
  msg(14, 'inbound', utc(2026, 1, 9, 16, 45), 2),
  msg(15, 'outbound', utc(2026, 1, 12, 9, 15), 2), // first response of episode 2
  msg(16, 'inbound', utc(2026, 1, 12, 9, 20), 2),
  msg(17, 'outbound', utc(2026, 1, 12, 9, 50), 2),
];
const episodes: EpisodeSpan[] = [
  { id: 2, openedAt: utc(2026, 1, 9, 16, 30), resolvedAt: null },
  { id: 1, openedAt: utc(2026, 1, 5, 8), resolvedAt: utc(2026, 1, 6, 11) },
];

describe('computeReplyTimings', () => {
  it('times only counted replies, from the oldest unanswered inbound of the same episode', () => {
    const timings = computeReplyTimings(timeline, schedule);
    expect(timings.map((t) => [t.messageId, t.waitedFrom, t.isFirst])).toEqual([
      [5, utc(2026, 1, 5, 8), true],
      [9, utc(2026, 1, 5, 16), false],
      // Episode 2 waits from its own opening (Fri 16:30), not from episode 1's unanswered m10.
      [15, utc(2026, 1, 9, 16, 30), true],
      [17, utc(2026, 1, 12, 9, 20), false],
    ]);
    // m5: 08:00 → 09:30 = 90 min calendar; business only 09:00–09:30 = 30 min.
    expect(timings[0]).toMatchObject({ calendarMs: 90 * MIN, businessMs: 30 * MIN });
    // m9: Mon 16:00 → Tue 10:00 = 18 h; business Mon 16–17 + Tue 9–10 = 2 h.
    expect(timings[1]).toMatchObject({ calendarMs: 18 * H, businessMs: 2 * H });
    // m15: Fri 16:30 → Mon 09:15 = 2 d 16 h 45 min = 3885 min; business Fri 30 min + Mon 15 min = 45 min.
    expect(timings[2]).toMatchObject({ calendarMs: 3885 * MIN, businessMs: 45 * MIN });
    // m17: 09:20 → 09:50 = 30 min in both.
    expect(timings[3]).toMatchObject({ calendarMs: 30 * MIN, businessMs: 30 * MIN });
  });

  it('is independent of delivery order and falls back to calendar time without a schedule', () => {
    const shuffled = [...timeline].reverse();
    expect(computeReplyTimings(shuffled, schedule)).toEqual(computeReplyTimings(timeline, schedule));
    const calendar = computeReplyTimings(timeline);
    expect(calendar.map((t) => t.businessMs)).toEqual(calendar.map((t) => t.calendarMs));
  });

  it('breaks equal timestamps by id', () => {
    const t = utc(2026, 1, 5, 10);
    // Reply id 2 sorts after inbound id 1 at the same instant: a zero-length wait, not proactive.
    const timings = computeReplyTimings([msg(2, 'outbound', t, 1), msg(1, 'inbound', t, 1)]);
    expect(timings).toEqual([
      { messageId: 2, episodeId: 1, waitedFrom: t, repliedAt: t, calendarMs: 0, businessMs: 0, isFirst: true },
    ]);
  });

  it('gives proactive outreach no timing and makes the first answered wait the first response', () => {
    const timings = computeReplyTimings([
      msg(1, 'inbound', utc(2026, 1, 5, 9), 1), // left unanswered, episode 1 resolved
      msg(2, 'outbound', utc(2026, 1, 7, 9), 2), // agent starts episode 2: nobody waiting
      msg(3, 'inbound', utc(2026, 1, 7, 10), 2),
      msg(4, 'outbound', utc(2026, 1, 7, 10, 20), 2),
    ]);
    expect(timings).toHaveLength(1);
    expect(timings[0]).toMatchObject({
      messageId: 4,
      waitedFrom: utc(2026, 1, 7, 10),
      calendarMs: 20 * MIN,
      isFirst: true,
    });
  });
});

describe('computeEpisodeMetrics', () => {
  const [first, second] = computeEpisodeMetrics(timeline, episodes, schedule);

  it('reports episode 1: first, next, average and resolution', () => {
    expect(first.episodeId).toBe(1);
    expect(first.firstResponse).toEqual({ calendarMs: 90 * MIN, businessMs: 30 * MIN });
    expect(first.nextResponses).toEqual([{ calendarMs: 18 * H, businessMs: 2 * H }]);
    // Average: calendar (90 + 1080) / 2 = 585 min; business (30 + 120) / 2 = 75 min.
    expect(first.averageReply).toEqual({ calendarMs: 585 * MIN, businessMs: 75 * MIN });
    // Resolution Mon 08:00 → Tue 11:00 = 27 h; business Mon 9–17 (8 h) + Tue 9–11 (2 h) = 10 h.
    expect(first.resolution).toEqual({ calendarMs: 27 * H, businessMs: 10 * H });
    expect(first.replies.map((r) => r.messageId)).toEqual([5, 9]);
  });

  it('reports the re-opened episode 2 with its own clock and no resolution yet', () => {
    expect(second.episodeId).toBe(2);
    expect(second.firstResponse).toEqual({ calendarMs: 3885 * MIN, businessMs: 45 * MIN });
    expect(second.nextResponses).toEqual([{ calendarMs: 30 * MIN, businessMs: 30 * MIN }]);
    // Average: calendar (3885 + 30) / 2 = 1957.5 min; business (45 + 30) / 2 = 37.5 min.
    expect(second.averageReply).toEqual({ calendarMs: 1957.5 * MIN, businessMs: 37.5 * MIN });
    expect(second.resolution).toBeNull();
  });

  it('reports an episode without replies as empty', () => {
    const [only] = computeEpisodeMetrics(
      [msg(1, 'inbound', utc(2026, 1, 5, 9), 7)],
      [{ id: 7, openedAt: utc(2026, 1, 5, 9), resolvedAt: null }],
    );
    expect(only).toEqual({
      episodeId: 7,
      firstResponse: null,
      nextResponses: [],
      averageReply: null,
      resolution: null,
      replies: [],
    });
  });
});

describe('waitingSince', () => {
  it('is null once the latest inbound is answered', () => {
    expect(waitingSince(timeline)).toBeNull();
    expect(waitingSince([])).toBeNull();
  });

  it('returns the oldest unanswered inbound, ignoring auto-acks, notes and survey answers', () => {
    const more = [
      ...timeline,
      msg(18, 'inbound', utc(2026, 1, 12, 10), 2),
      msg(19, 'outbound', utc(2026, 1, 12, 10, 0, 1), 2, { isAuto: true }),
      msg(20, 'note', utc(2026, 1, 12, 10, 5), 2),
      msg(21, 'inbound', utc(2026, 1, 12, 10, 10), 2),
    ];
    expect(waitingSince(more)).toBe(utc(2026, 1, 12, 10));
    const surveyOnly = [
      msg(1, 'outbound', utc(2026, 1, 5, 9), 1),
      msg(2, 'inbound', utc(2026, 1, 5, 10), 1, { isSurveyAnswer: true }),
    ];
    expect(waitingSince(surveyOnly)).toBeNull();
  });

  it('does not carry an old episode’s unanswered message into a new episode', () => {
    const reopenedByAgent = [msg(1, 'inbound', utc(2026, 1, 5, 9), 1), msg(2, 'outbound', utc(2026, 1, 7, 9), 2)];
    expect(waitingSince(reopenedByAgent)).toBeNull();
  });
});
