import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postApiMessage, type AgentClient } from '#tests/helpers/client';
import { startReportWorld, type ReportWorld } from './reportWorld';

// Editing and archiving scorecards on a real Braid: admins only, validated, audited; a reviewed
// rubric keeps its criteria (409 scorecard_in_use, "archive and copy" instead); archived rubrics are
// not offered for new reviews while the reviews scored with them stay as they were.
let world: ReportWorld;
let admin: AgentClient;
let lead: AgentClient;
let agent: AgentClient;
let episodeId: number;

const FIVE = { label: 'Empathy', weight: 2, scale: 'five' } as const;
const YES_NO = { label: 'Followed the refund policy', weight: 1, scale: 'yesNo' } as const;

type Card = { id: number; name: string; criteria: unknown[]; archivedAt: number | null; reviewCount: number };
const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await res).json() as Promise<T>;
const names = async (who: AgentClient, q = '') =>
  (await json<{ items: Card[] }>(who.get(`/api/scorecards${q}`))).items.map((c) => c.name);
const audited = async (action: string) =>
  (
    await json<{ items: Array<{ actorId: number; detail: Record<string, unknown> }> }>(
      admin.get(`/api/audit?action=${action}`),
    )
  ).items;

beforeAll(async () => {
  world = await startReportWorld();
  ({ admin, lead, agentA: agent } = world);
  const a = await (
    await postApiMessage(world.app.url, world.secret, {
      customer: { id: 'card-1' },
      message: { id: 'card-1-m', text: 'Where is my parcel?' },
    })
  ).json();
  await agent.post(`/api/threads/${a.threadId}/replies`, { text: 'On its way.' });
  await agent.post(`/api/threads/${a.threadId}/status`, { status: 'resolved' });
  const page = await json<{ items: Array<{ episodeId: number }> }>(admin.get(`/api/threads/${a.threadId}/messages`));
  episodeId = page.items[0].episodeId;
}, 60_000);
afterAll(() => world?.close());

describe('editing and archiving scorecards', () => {
  let card: Card;

  it('lets only admins change a scorecard, validates the change and audits it', async () => {
    card = await json<Card>(admin.post('/api/scorecards', { name: 'Quality', criteria: [FIVE] }));
    expect(card).toMatchObject({ archivedAt: null, reviewCount: 0 });
    expect((await audited('scorecard.created'))[0].detail).toMatchObject({ scorecardId: card.id, name: 'Quality' });
    for (const who of [lead, agent]) {
      expect((await who.patch(`/api/scorecards/${card.id}`, { name: 'Mine' })).status).toBe(403);
      expect((await who.post(`/api/scorecards/${card.id}/archive`, {})).status).toBe(403);
      expect((await who.post(`/api/scorecards/${card.id}/copy`, { name: 'C', criteria: [FIVE] })).status).toBe(403);
    }
    const bad = [
      {},
      { name: '' },
      { criteria: [] },
      { criteria: [{ ...FIVE, scale: 'ten' }] },
      { name: 'x'.repeat(81) },
    ];
    for (const body of bad)
      expect((await admin.patch(`/api/scorecards/${card.id}`, body)).status, JSON.stringify(body)).toBe(400);
    expect((await admin.patch('/api/scorecards/999', { name: 'Ghost' })).status).toBe(404);
    expect((await admin.patch('/api/scorecards/abc', { name: 'Ghost' })).status).toBe(400);
    await admin.post('/api/scorecards', { name: 'Taken', criteria: [FIVE] });
    expect((await admin.patch(`/api/scorecards/${card.id}`, { name: 'Taken' })).status).toBe(409);

    // Unreviewed: name and criteria both change.
    const res = await admin.patch(`/api/scorecards/${card.id}`, { name: 'Service quality', criteria: [FIVE, YES_NO] });
    expect(res.status).toBe(200);
    card = await res.json();
    expect(card).toMatchObject({ name: 'Service quality', criteria: [FIVE, YES_NO] });
    const [entry] = await audited('scorecard.updated');
    expect(entry.actorId).toBe(admin.agentId);
    expect(entry.detail).toMatchObject({ scorecardId: card.id, before: { name: 'Quality', criteria: [FIVE] } });
  });

  it('keeps the criteria of a reviewed scorecard: 409 scorecard_in_use, while a rename still works', async () => {
    expect((await lead.post('/api/reviews', { scorecardId: card.id, episodeId, scores: [4, 1] })).status).toBe(201);
    const refused = await admin.patch(`/api/scorecards/${card.id}`, { criteria: [{ ...FIVE, weight: 5 }, YES_NO] });
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.code).toBe('scorecard_in_use');
    expect(body.error).toMatch(/archive it and make a copy/);
    // The whole form sent back with unchanged criteria is a rename.
    const renamed = await admin.patch(`/api/scorecards/${card.id}`, { name: 'Quality 2026', criteria: [FIVE, YES_NO] });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'Quality 2026', criteria: [FIVE, YES_NO], reviewCount: 1 });
  });

  it('archives: not offered or accepted for new reviews, listed on request, old reviews intact', async () => {
    const archived = await json<Card>(admin.post(`/api/scorecards/${card.id}/archive`, {}));
    expect(archived.archivedAt).toBeGreaterThan(0);
    // Archiving again keeps the first time and writes no second audit entry.
    expect((await json<Card>(admin.post(`/api/scorecards/${card.id}/archive`, {}))).archivedAt).toBe(
      archived.archivedAt,
    );
    expect(await audited('scorecard.archived')).toHaveLength(1);
    expect(await names(lead)).toEqual(['Taken']);
    expect(await names(admin, '?archived=include')).toEqual(['Taken', 'Quality 2026']);
    expect((await admin.get('/api/scorecards?archived=maybe')).status).toBe(400);
    const refused = await lead.post('/api/reviews', { scorecardId: card.id, episodeId, scores: [5, 1] });
    expect(refused.status).toBe(409);
    const reviews = await json<{ items: Array<{ scorecardName: string; criteria: unknown[]; scores: number[] }> }>(
      agent.get('/api/reviews'),
    );
    expect(reviews.items).toEqual([
      expect.objectContaining({ scorecardName: 'Quality 2026', criteria: [FIVE, YES_NO], scores: [4, 1] }),
    ]);

    const restored = await json<Card>(admin.post(`/api/scorecards/${card.id}/unarchive`, {}));
    expect(restored.archivedAt).toBeNull();
    expect(await names(lead)).toEqual(['Taken', 'Quality 2026']);
    expect(await audited('scorecard.unarchived')).toHaveLength(1);
  });

  it('archives and copies in one step: the copy takes the new criteria, the original keeps its reviews', async () => {
    const criteria = [{ ...FIVE, weight: 5 }, YES_NO];
    // A taken name: nothing happens, the original is not archived.
    expect((await admin.post(`/api/scorecards/${card.id}/copy`, { name: 'Taken', criteria })).status).toBe(409);
    expect(await names(lead)).toContain('Quality 2026');
    expect((await admin.post(`/api/scorecards/${card.id}/copy`, {})).status).toBe(400);

    const res = await admin.post(`/api/scorecards/${card.id}/copy`, { name: 'Quality 2027', criteria });
    expect(res.status).toBe(201);
    const copy: Card = await res.json();
    expect(copy).toMatchObject({ name: 'Quality 2027', criteria, archivedAt: null, reviewCount: 0 });
    expect(await names(lead)).toEqual(['Quality 2027', 'Taken']);
    const all = (await json<{ items: Card[] }>(admin.get('/api/scorecards?archived=include'))).items;
    expect(all.find((c) => c.id === card.id)).toMatchObject({ criteria: [FIVE, YES_NO], reviewCount: 1 });
    expect(all.find((c) => c.id === card.id)?.archivedAt).toBeGreaterThan(0);
    expect((await audited('scorecard.created'))[0].detail).toMatchObject({ scorecardId: copy.id, copiedFrom: card.id });
    expect(await audited('scorecard.archived')).toHaveLength(2);
    const review = await lead.post('/api/reviews', { scorecardId: copy.id, episodeId, scores: [5, 1] });
    expect(review.status).toBe(201);
  });
});
