import { describe, expect, it } from 'vitest';
import {
  expectationsExceeded,
  findCompliments,
  isThanks,
  returningCustomers,
  summarizeReturns,
  type EpisodeMessage,
  type ThreadEpisode,
} from '#server/domain/reports/leading';

const DAY = 86_400_000;
const MIN = 60_000;

describe('expectations exceeded', () => {
  it('counts answers strictly sooner than promised; unanswered and late ones are not beaten', () => {
    const r = expectationsExceeded([
      { promisedMs: 10 * MIN, answeredMs: 4 * MIN }, // beaten
      { promisedMs: 10 * MIN, answeredMs: 10 * MIN }, // exactly on time: not beaten
      { promisedMs: 10 * MIN, answeredMs: 25 * MIN }, // late
      { promisedMs: 60 * MIN, answeredMs: null }, // never answered
    ]);
    expect(r).toEqual({ promised: 4, exceeded: 1, share: 0.25 });
    expect(expectationsExceeded([])).toEqual({ promised: 0, exceeded: 0, share: null });
  });
});

describe('returning customers', () => {
  const ep = (
    episodeId: number,
    threadId: number,
    openedDay: number,
    resolvedDay: number | null,
    sentimentStart: number | null,
    agentId = 7,
  ): ThreadEpisode => ({
    episodeId,
    threadId,
    agentId,
    openedAt: openedDay * DAY,
    resolvedAt: resolvedDay === null ? null : resolvedDay * DAY,
    sentimentStart,
  });

  const episodes = [
    // customer 1: resolved day 10, back on day 25 in a better mood
    ep(1, 1, 9, 10, -0.5),
    ep(2, 1, 25, 26, 0.3),
    // customer 2: resolved day 12, back on day 43 — 31 days later, not a return
    ep(3, 2, 11, 12, 0.1),
    ep(4, 2, 43, null, 0.4),
    // customer 3: resolved day 15, back on day 20 in a worse mood
    ep(5, 3, 14, 15, 0.6, 8),
    ep(6, 3, 20, null, -0.2, 8),
    // customer 4: back on day 18, but no confident mark either time
    ep(7, 4, 16, 17, null),
    ep(8, 4, 18, 19, null),
    // customer 5: resolved before the range; its later episode is in range but never returns
    ep(9, 5, 1, 2, 0),
    ep(10, 5, 40, 41, 0),
    // customer 6: resolved after the range
    ep(11, 6, 60, 61, 0),
  ];

  it('follows each customer’s first episode resolved in the range for 30 days', () => {
    const outcomes = returningCustomers(episodes, 5 * DAY, 50 * DAY);
    expect(outcomes).toEqual([
      { threadId: 1, episodeId: 1, agentId: 7, returned: true, improved: true },
      { threadId: 2, episodeId: 3, agentId: 7, returned: false, improved: null },
      { threadId: 3, episodeId: 5, agentId: 8, returned: true, improved: false },
      { threadId: 4, episodeId: 7, agentId: 7, returned: true, improved: null },
      { threadId: 5, episodeId: 10, agentId: 7, returned: false, improved: null },
    ]);
    expect(summarizeReturns(outcomes)).toEqual({
      customers: 5,
      returned: 3,
      share: 0.6,
      compared: 2,
      improved: 1,
      improvedShare: 0.5,
    });
  });

  it('starts only from episodes in the report’s filters, but any later episode is a return', () => {
    const scoped = [
      { ...ep(1, 1, 9, 10, -0.5), inScope: false }, // another team's episode
      ep(2, 1, 25, 26, 0.3), // in scope, resolved day 26
      { ...ep(3, 1, 40, null, 0.1), inScope: false }, // back on day 40 with the other team
    ];
    expect(returningCustomers(scoped, 5 * DAY, 50 * DAY)).toEqual([
      { threadId: 1, episodeId: 2, agentId: 7, returned: true, improved: false },
    ]);
  });

  it('is empty with nothing resolved in the range', () => {
    expect(summarizeReturns(returningCustomers(episodes, 100 * DAY, 200 * DAY))).toEqual({
      customers: 0,
      returned: 0,
      share: null,
      compared: 0,
      improved: 0,
      improvedShare: null,
    });
  });
});

describe('compliments', () => {
  it.each([
    ['Thanks a lot, that fixed it!', true],
    ['thank you so much', true],
    ['Dziękuję bardzo, wszystko działa', true],
    ['dzieki!', true],
    ['ขอบคุณมากค่ะ', true],
    ['谢谢你的帮助', true],
    ['非常感谢', true],
    ['Where is my parcel?', false],
    ['Thanksgiving order still missing', false],
  ])('%s thanks: %s', (text, expected) => {
    expect(isThanks(text)).toBe(expected);
  });

  const msg = (id: number, over: Partial<EpisodeMessage>): EpisodeMessage => ({
    id,
    direction: 'inbound',
    agentId: null,
    isAuto: false,
    text: '',
    sentimentLabel: null,
    sentimentConfidence: null,
    ...over,
  });

  it('credits positive thanks after an agent reply to that reply’s author', () => {
    const found = findCompliments([
      msg(1, { text: 'Thanks in advance, my order is late', sentimentLabel: 'positive', sentimentConfidence: 0.9 }),
      msg(2, { direction: 'outbound', isAuto: true, text: 'We will answer within 10 min' }),
      msg(3, { text: 'thank you!', sentimentLabel: 'positive', sentimentConfidence: 0.9 }), // only a bot spoke
      msg(4, { direction: 'outbound', agentId: 11, text: 'Sent a new one today.' }),
      msg(5, { text: 'Thank you, great!', sentimentLabel: 'positive', sentimentConfidence: 0.95 }), // compliment for 11
      msg(6, { direction: 'note', agentId: 12, text: 'internal' }),
      msg(7, { text: 'thanks but it is broken', sentimentLabel: 'negative', sentimentConfidence: 0.9 }),
      msg(8, { text: 'thanks?', sentimentLabel: 'positive', sentimentConfidence: 0.4 }), // unsure mark
      msg(9, { direction: 'outbound', agentId: 12, text: 'Refund done.' }),
      msg(10, { text: 'Dziękuję!', sentimentLabel: 'positive', sentimentConfidence: null }), // old mark: confident
      msg(11, { text: 'Great', sentimentLabel: 'positive', sentimentConfidence: 0.9 }), // no thanks
    ]);
    expect(found).toEqual([
      { messageId: 5, agentId: 11 },
      { messageId: 10, agentId: 12 },
    ]);
  });
});
