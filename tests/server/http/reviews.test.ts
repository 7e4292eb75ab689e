import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { seedPeople, TestApp } from '#tests/helpers/app';
import { postApiMessage, type AgentClient } from '#tests/helpers/client';
import { startReportWorld, type ReportWorld } from './reportWorld';

let app: TestApp;
let people: Awaited<ReturnType<typeof seedPeople>>;
let admin: AgentClient;
let agentA: AgentClient;
let agentA2: AgentClient;
let lead: AgentClient;
let world: ReportWorld;
let episodeId: number;
let messageId: number;
let otherMessageId: number;

const RUBRIC = {
  name: 'Quality',
  criteria: [
    { label: 'Empathy', weight: 2, scale: 'five' },
    { label: 'Followed the refund policy', weight: 1, scale: 'yesNo' },
  ],
};

beforeAll(async () => {
  world = await startReportWorld();
  ({ app, people, admin, agentA, agentA2, lead } = world);
  const secret = world.secret;
  const post = (customer: string, id: string) =>
    postApiMessage(app.url, secret, { customer: { id: customer }, message: { id, text: 'Refund please' } }).then((r) =>
      r.json(),
    );
  const a = await post('rev-1', 'rev-1-m');
  const other = await post('rev-2', 'rev-2-m');
  await agentA.post(`/api/threads/${a.threadId}/replies`, { text: 'Done.' });
  await agentA.post(`/api/threads/${a.threadId}/status`, { status: 'resolved' });
  const thread = await (await admin.get(`/api/threads/${a.threadId}`)).json();
  const page = await (await admin.get(`/api/threads/${a.threadId}/messages`)).json();
  messageId = page.items.find((m: { direction: string }) => m.direction === 'outbound').id;
  otherMessageId = (await (await admin.get(`/api/threads/${other.threadId}/messages`)).json()).items[0].id;
  episodeId = page.items[0].episodeId ?? thread.thread.currentEpisodeId;
}, 60_000);
afterAll(() => world?.close());

describe('scorecards and reviews API', () => {
  let scorecardId: number;
  let reviewId: number;

  it('lets only admins define a rubric, validates it and refuses a duplicate name', async () => {
    expect((await lead.post('/api/scorecards', RUBRIC)).status).toBe(403);
    expect((await admin.post('/api/scorecards', { name: 'x', criteria: [] })).status).toBe(400);
    expect(
      (await admin.post('/api/scorecards', { name: 'x', criteria: [{ label: 'a', weight: 1, scale: 'ten' }] })).status,
    ).toBe(400);
    const created = await admin.post('/api/scorecards', RUBRIC);
    expect(created.status).toBe(201);
    scorecardId = (await created.json()).id;
    expect((await admin.post('/api/scorecards', RUBRIC)).status).toBe(409);
    const list = await (await agentA.get('/api/scorecards')).json();
    expect(list.items.map((s: { name: string }) => s.name)).toEqual(['Quality']);
  });

  it('scores an episode with a weighted score and comments on its messages', async () => {
    expect((await agentA2.post('/api/reviews', { scorecardId, episodeId, scores: [5, 1] })).status).toBe(403);
    const bad = [
      { scorecardId, episodeId, scores: [5] },
      { scorecardId, episodeId, scores: [6, 1] },
      { scorecardId, episodeId, scores: [4, 1], comments: [{ messageId: otherMessageId, text: 'not here' }] },
      { scorecardId, episodeId: 'x', scores: [4, 1] },
    ];
    for (const body of bad) expect((await lead.post('/api/reviews', body)).status, JSON.stringify(body)).toBe(400);
    expect((await lead.post('/api/reviews', { scorecardId: 999, episodeId, scores: [4, 1] })).status).toBe(404);
    const res = await lead.post('/api/reviews', {
      scorecardId,
      episodeId,
      scores: [4, 1],
      comments: [
        { messageId, text: 'Say what was refunded and when it arrives.' },
        { messageId: null, text: 'Good, quick.' },
      ],
    });
    expect(res.status).toBe(201);
    const review = await res.json();
    reviewId = review.id;
    // (2 · ¾ + 1 · 1) / 3 = 83.3
    expect(review).toMatchObject({ agentId: people.agentA, score: 83.3, reviewerName: 'lead', acknowledgedAt: null });
    expect(review.comments[0]).toEqual({
      messageId,
      text: 'Say what was refunded and when it arrives.',
      messageExcerpt: 'Done.',
    });
  });

  it('shows the agent their own reviews only, and lets only them acknowledge', async () => {
    const own = await (await agentA.get('/api/reviews')).json();
    expect(own.items.map((r: { id: number }) => r.id)).toEqual([reviewId]);
    expect((await agentA2.get(`/api/reviews?agentId=${people.agentA}`)).status).toBe(403);
    expect((await (await agentA2.get('/api/reviews')).json()).items).toEqual([]);
    expect((await agentA2.post(`/api/reviews/${reviewId}/acknowledge`, {})).status).toBe(403);
    const ack = await (await agentA.post(`/api/reviews/${reviewId}/acknowledge`, {})).json();
    expect(ack.acknowledgedAt).toBeGreaterThan(0);
    const supervisorView = await (await admin.get(`/api/reviews?agentId=${people.agentA}`)).json();
    expect(supervisorView.items[0].acknowledgedAt).toBe(ack.acknowledgedAt);
  });

  it('feeds the review score into the agent report and its drill-down', async () => {
    const report = await (await admin.get('/api/reports/agents?min=1')).json();
    const row = report.items.find((i: { agentId: number }) => i.agentId === people.agentA);
    expect(row.review).toEqual({ count: 1, avg: 83.3 });
    const drill = await (await admin.get(`/api/reports/conversations?metric=review&agentId=${people.agentA}`)).json();
    expect(drill.items.map((i: { episodeId: number; value: number }) => [i.episodeId, i.value])).toEqual([
      [episodeId, 83.3],
    ]);
  });
});
