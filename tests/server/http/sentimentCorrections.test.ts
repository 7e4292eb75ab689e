import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, messages, sentimentCorrections } from '#server/db/schema';
import { ingestInbound } from '#server/services/ingest';
import { analyzeInbound, intelligenceHooks } from '#server/services/intelligence';
import type { SentimentLabel } from '#shared/schemas/common';
import { login, type AgentClient } from '#tests/helpers/client';
import { seedPeople, startApp, type TestApp } from '#tests/helpers/app';
import { testDeps } from '#tests/helpers/db';
import { inbound } from '#tests/factories';

// Two Braid instances: two workspaces, each with its own database.
let a: TestApp;
let b: TestApp;
let adminA: AgentClient;

beforeEach(async () => {
  [a, b] = await Promise.all([startApp(), startApp()]);
  await seedPeople(a.db);
  adminA = await login(a.url, 'admin@test.local');
});
afterEach(async () => {
  await Promise.all([a.close(), b.close()]);
});

function say(app: TestApp, text: string, from = '+48512345678') {
  const { deps } = testDeps(app.db);
  const r = ingestInbound(
    deps,
    inbound('whatsapp', from, text),
    intelligenceHooks(deps, () => undefined),
  );
  if (r.status !== 'stored') throw new Error('not stored');
  return app.db.select().from(messages).where(eq(messages.id, r.messageId)).get()!;
}

const FIRST = 'The courier left the parcel at the gate again';
const SIMILAR = 'the courier left my parcel at the gate';

describe('sentiment corrections', () => {
  it('are stored, audited, and change the next similar prediction in that workspace only', async () => {
    const before = say(a, FIRST);
    const guessed = before.sentimentLabel!;
    const corrected: SentimentLabel = guessed === 'negative' ? 'positive' : 'negative';
    // Before any correction both workspaces read the similar message the same way, not as corrected.
    const untouched = analyzeInbound(SIMILAR).label;
    expect(untouched).not.toBe(corrected);

    const res = await adminA.post(`/api/messages/${before.id}/sentiment`, { label: corrected });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { sentiment: { label: string; confidence: number } };
    expect(body.sentiment).toMatchObject({ label: corrected, confidence: 1 });

    const stored = a.db.select().from(sentimentCorrections).all();
    expect(stored).toMatchObject([{ messageId: before.id, fromLabel: guessed, toLabel: corrected, text: FIRST }]);
    const audit = a.db.select().from(auditLog).where(eq(auditLog.action, 'sentiment.corrected')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toMatchObject({ messageId: before.id, from: guessed, to: corrected });

    expect(say(a, SIMILAR, '+48512000001').sentimentLabel).toBe(corrected);
    expect(say(b, SIMILAR, '+48512000001').sentimentLabel).toBe(untouched);
  });

  it('survive a restart: the workspace relearns its corrections from the database', async () => {
    const m = say(a, FIRST);
    const corrected: SentimentLabel = m.sentimentLabel === 'negative' ? 'positive' : 'negative';
    expect((await adminA.post(`/api/messages/${m.id}/sentiment`, { label: corrected })).status).toBe(200);
    const dir = a.dir;
    await a.stop();
    a = await startApp({}, { dataDir: dir });
    expect(say(a, SIMILAR, '+48512000002').sentimentLabel).toBe(corrected);
  });

  it('are listed for supervisors only, and bad input is a 4xx', async () => {
    const m = say(a, FIRST);
    expect((await adminA.post(`/api/messages/${m.id}/sentiment`, { label: 'furious' })).status).toBe(400);
    expect((await adminA.post(`/api/messages/999999/sentiment`, { label: 'neutral' })).status).toBe(404);
    expect((await adminA.post(`/api/messages/${m.id}/sentiment`, { label: 'neutral' })).status).toBe(200);
    const supervisor = await login(a.url, 'supervisor@test.local');
    const list = await supervisor.get('/api/sentiment/corrections');
    expect(list.status).toBe(200);
    expect(await list.json()).toMatchObject([{ messageId: m.id, toLabel: 'neutral', agentName: expect.any(String) }]);
    const agent = await login(a.url, 'agent.a@test.local');
    expect((await agent.get('/api/sentiment/corrections')).status).toBe(403);
  });
});
