import { describe, expect, it } from 'vitest';
import {
  emptyActivity,
  projectActivity,
  withMessage,
  withRevisedMessage,
  type ActivityMessage,
} from '#server/domain/threadActivity';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
let nextId = 0;

function msg(over: Partial<ActivityMessage> & Pick<ActivityMessage, 'sortTs'>): ActivityMessage {
  return {
    id: ++nextId,
    direction: 'inbound',
    channel: 'sms',
    identityId: 1,
    text: `message ${nextId}`,
    subject: null,
    attachments: [],
    isAuto: false,
    failed: false,
    noWait: false,
    sentimentScore: null,
    sentimentLabel: null,
    ...over,
  };
}

describe('thread activity projection', () => {
  it('starts the waiting clock at the oldest unanswered inbound message; an agent reply stops it', () => {
    const a1 = msg({ sortTs: T0 + 1000 });
    const a2 = msg({ sortTs: T0 + 2000, channel: 'email', identityId: 2 });
    let a = withMessage(withMessage(emptyActivity(T0), a1), a2);
    expect(a).toMatchObject({
      waitingSince: T0 + 1000,
      lastMessageId: a2.id,
      lastInboundChannel: 'email',
      lastInboundIdentityId: 2,
      channels: ['sms', 'email'],
    });
    const reply = msg({ sortTs: T0 + 3000, direction: 'outbound' });
    a = withMessage(a, reply);
    expect(a).toMatchObject({ waitingSince: null, lastAgentReplyAt: T0 + 3000, lastMessageId: reply.id });
    // A reply never adds its channel; only the customer's channels are listed.
    expect(a.channels).toEqual(['sms', 'email']);
  });

  it('keeps a late-arriving older message out of "last message" but still counts it as waiting', () => {
    const newer = msg({ sortTs: T0 + 5000, text: 'newer' });
    const older = msg({ sortTs: T0 + 4000, text: 'older' });
    const a = withMessage(withMessage(emptyActivity(T0), newer), older);
    expect(a.lastMessageId).toBe(newer.id);
    expect(a.lastMessagePreview).toBe('newer');
    expect(a.lastInboundAt).toBe(T0 + 5000);
    expect(a.waitingSince).toBe(T0 + 4000);
  });

  it('automatic sends and survey answers never move the waiting clock', () => {
    const inbound = msg({ sortTs: T0 + 1000 });
    const ack = msg({ sortTs: T0 + 1500, direction: 'outbound', isAuto: true, text: 'We got your message' });
    let a = withMessage(withMessage(emptyActivity(T0), inbound), ack);
    expect(a).toMatchObject({
      waitingSince: T0 + 1000,
      lastAgentReplyAt: null,
      lastMessagePreview: 'We got your message',
    });
    a = withMessage(a, msg({ sortTs: T0 + 2000, direction: 'outbound' }));
    a = withMessage(a, msg({ sortTs: T0 + 3000, noWait: true, text: '5' }));
    expect(a.waitingSince).toBeNull();
    expect(a.lastInboundAt).toBe(T0 + 3000);
  });

  it('a reply the provider refused stops no clock; re-folding the history after the refusal keeps the wait', () => {
    const inbound = msg({ sortTs: T0 + 1000 });
    const refused = msg({ sortTs: T0 + 2000, direction: 'outbound', failed: true });
    const a = withMessage(withMessage(emptyActivity(T0), inbound), refused);
    expect(a).toMatchObject({ waitingSince: T0 + 1000, lastAgentReplyAt: null, lastMessageId: refused.id });
    expect(projectActivity([refused, inbound], T0, false).waitingSince).toBe(T0 + 1000);
    const retried = { ...refused, failed: false };
    expect(projectActivity([retried, inbound], T0, false)).toMatchObject({
      waitingSince: null,
      lastAgentReplyAt: T0 + 2000,
    });
  });

  it('takes sentiment from the latest inbound message that has one', () => {
    let a = withMessage(emptyActivity(T0), msg({ sortTs: T0 + 1, sentimentScore: -0.6, sentimentLabel: 'negative' }));
    a = withMessage(a, msg({ sortTs: T0 + 2 }));
    expect(a).toMatchObject({ lastSentimentScore: -0.6, lastSentimentLabel: 'negative' });
    a = withMessage(a, msg({ sortTs: T0 + 3, sentimentScore: 0.4, sentimentLabel: 'positive' }));
    expect(a).toMatchObject({ lastSentimentScore: 0.4, lastSentimentLabel: 'positive' });
  });

  it('projects a whole history to what folding it message by message in time order gives', () => {
    const history = [
      msg({ sortTs: T0 + 10, channel: 'whatsapp' }),
      msg({ sortTs: T0 + 30, direction: 'outbound' }),
      msg({ sortTs: T0 + 20, channel: 'telegram', identityId: 3, sentimentScore: 0.1, sentimentLabel: 'neutral' }),
      msg({ sortTs: T0 + 40, channel: 'telegram', identityId: 3 }),
      msg({ sortTs: T0 + 50, channel: 'whatsapp' }),
    ];
    const inOrder = [...history].sort((x, y) => x.sortTs - y.sortTs).reduce(withMessage, emptyActivity(T0));
    expect(projectActivity(history, T0, false)).toEqual(inOrder);
    expect(projectActivity([...history].reverse(), T0, false)).toEqual(inOrder);
    expect(inOrder).toMatchObject({
      waitingSince: T0 + 40,
      channels: ['whatsapp', 'telegram'],
      lastAgentReplyAt: T0 + 30,
    });
    expect(projectActivity(history, T0, true).waitingSince).toBeNull();
    expect(projectActivity([], T0, false)).toEqual(emptyActivity(T0));
  });

  it('revises the preview only when the revised message is the latest', () => {
    const voicemail = msg({ sortTs: T0 + 1, channel: 'voice', text: 'Voicemail (transcribing…)' });
    const a = withMessage(emptyActivity(T0), voicemail);
    const transcript = {
      ...voicemail,
      text: 'Please call me back',
      sentimentScore: 0.2,
      sentimentLabel: 'neutral' as const,
    };
    expect(withRevisedMessage(a, transcript)).toMatchObject({
      lastMessagePreview: 'Please call me back',
      lastSentimentLabel: 'neutral',
    });
    const later = withMessage(a, msg({ sortTs: T0 + 2 }));
    expect(withRevisedMessage(later, transcript)).toBeNull();
  });
});
