import { describe, expect, it } from 'vitest';
import { onInbound, onStatusChange, waitingAfterInbound } from '#server/domain/threadState';
import { nextDeliveryStatus } from '#server/domain/delivery';
import { pickRoundRobin } from '#server/domain/assignment';
import { canSeeThread, roomsForThread, roomsForViewer } from '#server/domain/access';

describe('thread lifecycle', () => {
  it('opens a new thread as the first episode and re-opens a resolved one as a new episode', () => {
    expect(onInbound(null)).toEqual({ status: 'open', startsEpisode: true });
    expect(onInbound('resolved')).toEqual({ status: 'open', startsEpisode: true });
    expect(onInbound('pending')).toEqual({ status: 'open', startsEpisode: false });
    expect(onInbound('snoozed')).toEqual({ status: 'open', startsEpisode: false });
  });
  it('does not re-open for a survey answer', () => {
    expect(onInbound('resolved', { isSurveyAnswer: true })).toEqual({ status: 'resolved', startsEpisode: false });
  });
  it('ends an episode on resolve and starts one when re-opened by an agent', () => {
    expect(onStatusChange('open', 'resolved')).toEqual({ status: 'resolved', endsEpisode: true, startsEpisode: false });
    expect(onStatusChange('resolved', 'open')).toEqual({ status: 'open', endsEpisode: false, startsEpisode: true });
    expect(onStatusChange('open', 'open')).toBeNull();
  });
  it('keeps waiting-since at the oldest unanswered inbound message', () => {
    expect(waitingAfterInbound(null, null, 100)).toBe(100);
    expect(waitingAfterInbound(100, null, 200)).toBe(100);
    expect(waitingAfterInbound(200, null, 150)).toBe(150); // late delivery of an older message
    expect(waitingAfterInbound(null, 300, 250)).toBeNull(); // older than our last reply: answered already
    expect(waitingAfterInbound(null, 300, 350)).toBe(350);
  });
});

describe('delivery status precedence', () => {
  it('never lets a late "sent" overwrite "read"', () => {
    expect(nextDeliveryStatus('read', 'sent')).toBeNull();
    expect(nextDeliveryStatus('delivered', 'read')).toBe('read');
    expect(nextDeliveryStatus('queued', 'delivered')).toBe('delivered');
    expect(nextDeliveryStatus('sent', 'failed')).toBe('failed');
    expect(nextDeliveryStatus('read', 'failed')).toBeNull();
    expect(nextDeliveryStatus('failed', 'delivered')).toBe('delivered');
    expect(nextDeliveryStatus('failed', 'sent')).toBeNull();
  });
});

describe('round-robin auto-assignment', () => {
  const c = (id: number, openThreads: number, capacity = 2) => ({ id, openThreads, capacity });
  it('continues after the last assignee and wraps around', () => {
    expect(pickRoundRobin([c(1, 0), c(2, 0), c(3, 0)], 1)).toBe(2);
    expect(pickRoundRobin([c(1, 0), c(2, 0), c(3, 0)], 3)).toBe(1);
    expect(pickRoundRobin([c(3, 0), c(1, 0)], null)).toBe(1);
  });
  it('skips agents at capacity and gives up when all are full', () => {
    expect(pickRoundRobin([c(1, 0), c(2, 2), c(3, 0)], 1)).toBe(3);
    expect(pickRoundRobin([c(1, 2), c(2, 2)], null)).toBeNull();
    expect(pickRoundRobin([], null)).toBeNull();
  });
});

describe('access rules', () => {
  const agent = { id: 5, role: 'agent' as const, teamIds: [1] };
  it('lets agents see their teams, team-less threads and their own threads only', () => {
    expect(canSeeThread(agent, { teamId: 1, assigneeId: null })).toBe(true);
    expect(canSeeThread(agent, { teamId: null, assigneeId: null })).toBe(true);
    expect(canSeeThread(agent, { teamId: 2, assigneeId: null })).toBe(false);
    expect(canSeeThread(agent, { teamId: 2, assigneeId: 5 })).toBe(true);
    expect(canSeeThread({ id: 9, role: 'supervisor', teamIds: [] }, { teamId: 2, assigneeId: null })).toBe(true);
  });
  it('routes events to rooms that match what viewers join', () => {
    const rooms = roomsForThread({ teamId: 2, assigneeId: null });
    expect(rooms.some((r) => roomsForViewer(agent).includes(r))).toBe(false);
    expect(rooms.some((r) => roomsForViewer({ id: 7, role: 'agent', teamIds: [2] }).includes(r))).toBe(true);
    expect(rooms.some((r) => roomsForViewer({ id: 9, role: 'admin', teamIds: [] }).includes(r))).toBe(true);
  });
});
