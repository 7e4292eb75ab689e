import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { threads } from '#server/db/schema';
import { ingestInbound, type InboundAnalysis } from '#server/services/ingest';
import { readTeamBoard } from '#server/services/liveBoard';
import { refreshThreadDerived } from '#server/services/threadDerived';
import { transact } from '#server/services/tx';
import { serviceDb } from '#tests/helpers/db';
import { inbound, makeTeam, routeNewThreadsTo } from '#tests/factories';

let t: ReturnType<typeof serviceDb>['t'];
let env: ReturnType<typeof serviceDb>['env'];
beforeEach(() => ({ t, env } = serviceDb()));
afterEach(() => t.cleanup());

const negative: InboundAnalysis = { score: -0.7, label: 'negative', language: 'en', confidence: 0.9 };
const rowOf = (id: number) => t.db.select().from(threads).where(eq(threads.id, id)).get()!;

// A new customer's thread is inserted with the activity its first message gives it (newThread.ts);
// what the message then stores must still be what the row says, column for column.
describe("a new customer's thread", () => {
  it('carries its first message as a recompute from the history does (waiting, channel, preview, sentiment)', () => {
    const team = makeTeam(t.db);
    routeNewThreadsTo(t.db, team);
    const sent = env.clock.now - 30_000;
    const res = ingestInbound(env.deps, inbound('telegram', '4711', '  Where is\nmy order?  ', { providerTs: sent }), {
      analyze: () => negative,
    });
    if (res.status !== 'stored') throw new Error(res.status);
    const row = rowOf(res.threadId);
    expect(row).toMatchObject({
      status: 'open',
      teamId: team,
      waitingSince: sent,
      lastMessageAt: sent,
      lastInboundAt: sent,
      lastMessageId: res.messageId,
      lastMessagePreview: 'Where is my order?',
      lastInboundChannel: 'telegram',
      channels: ['telegram'],
      lastSentimentScore: -0.7,
      lastSentimentLabel: 'negative',
      currentEpisodeId: res.episodeId,
      inboundCount: 1,
      createdAt: env.clock.now,
    });
    // The whole history folded again gives the same row.
    expect(transact(env.deps, (tx) => refreshThreadDerived(tx, res.threadId, env.clock.now))).toEqual(row);
    expect(readTeamBoard(t.db, team, env.clock.now).queue).toMatchObject({ waiting: 1, open: 1, unassigned: 1 });
  });

  it('leaves nobody waiting when a hook says its first message starts no clock', () => {
    const team = makeTeam(t.db);
    routeNewThreadsTo(t.db, team);
    const res = ingestInbound(env.deps, inbound('sms', '+48 512 345 678', '5'), { isSurveyAnswer: () => true });
    if (res.status !== 'stored') throw new Error(res.status);
    expect(res.surveyAnswer).toBe(true);
    const row = rowOf(res.threadId);
    expect(row).toMatchObject({ status: 'open', waitingSince: null, lastInboundChannel: 'sms', channels: ['sms'] });
    expect(transact(env.deps, (tx) => refreshThreadDerived(tx, res.threadId, env.clock.now))).toEqual(row);
    // The board's counters followed the row back out of the waiting queue.
    const queue = readTeamBoard(t.db, team, env.clock.now).queue;
    expect(queue).toMatchObject({ waiting: 0, open: 1, oldestWaitingSince: null, medianWaitingSince: null });
  });
});
