import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { messages, waitPromises } from '#server/db/schema';
import type { ChannelKind } from '#shared/channels';
import type { ServiceDeps } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { intelligenceHooks } from '#server/services/intelligence';
import { OutboxWorker } from '#server/services/outbox';
import { replyToThread } from '#server/services/replies';
import { updateTeamConfig } from '#server/services/teamConfig';
import { setThreadStatus } from '#server/services/threadOps';
import { waitCalibration } from '#server/services/waitCalibration';
import { inbound, makeTeam, routeNewThreadsTo } from '#tests/factories';
import { insertTestAdmin, tempDb, testDeps } from '#tests/helpers/db';

const M = 60_000;
const WARSAW = {
  timeZone: 'Europe/Warsaw',
  weekly: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['09:00', '17:00']]])),
  holidays: ['2026-04-06'],
};

let t: ReturnType<typeof tempDb>;
let deps: ServiceDeps;
let clock: { now: number };
let admin: ReturnType<typeof insertTestAdmin>;
let teamId: number;
beforeEach(() => {
  t = tempDb();
  ({ deps, clock } = testDeps(t.db));
  admin = insertTestAdmin(t.db);
  teamId = makeTeam(t.db, { name: 'Support PL' });
  routeNewThreadsTo(t.db, teamId);
  updateTeamConfig(t.db, teamId, {
    businessHours: WARSAW as never,
    settings: { acknowledgement: { enabled: true, channels: [] }, defaultLanguage: 'pl' },
  });
});
afterEach(() => t.cleanup());

const at = (iso: string) => Date.parse(iso);
const say = (iso: string, address: string, text: string, channel: ChannelKind = 'whatsapp') => {
  clock.now = at(iso);
  const r = ingestInbound(
    deps,
    inbound(channel, address, text, { providerTs: clock.now }),
    intelligenceHooks(deps, () => undefined),
  );
  if (r.status !== 'stored') throw new Error(`not stored: ${r.status}`);
  return r;
};
const ackOf = (threadId: number) =>
  t.db
    .select()
    .from(messages)
    .where(eq(messages.threadId, threadId))
    .orderBy(asc(messages.id))
    .all()
    .find((m) => m.meta.auto === 'acknowledgement')!;
const promiseOf = (episodeId: number) =>
  t.db.select().from(waitPromises).where(eq(waitPromises.episodeId, episodeId)).get()!;
let sent = 0;
const reply = async (iso: string, threadId: number) => {
  clock.now = at(iso);
  replyToThread(deps, admin, threadId, { text: 'Dzień dobry!' });
  const worker = new OutboxWorker(deps, () => Promise.resolve({ ok: true, providerMessageId: `wamid.${++sent}` }));
  worker.start();
  await worker.stop();
};

describe('the acknowledgement promises a wait the team can keep', () => {
  it('Friday 16:50 with a 17:00 close: promises Monday morning, not "15 min"', () => {
    const r = say('2026-03-27T15:50:00Z', '+48500000001', 'Hello, where is my order? It was due yesterday.');
    const ack = ackOf(r.threadId);
    // No history: 15 business minutes — 10 left on Friday, 5 on Monday from 09:00.
    expect(ack.text).toMatch(/Monday/);
    expect(ack.text).toMatch(/09:05/);
    expect(ack.text).not.toMatch(/\bmin\b/);
    expect(promiseOf(r.episodeId)).toMatchObject({
      teamId,
      channel: 'whatsapp',
      madeAt: at('2026-03-27T15:50:00Z'),
      promisedMs: at('2026-03-30T07:05:00Z') - at('2026-03-27T15:50:00Z'),
      queuePosition: 0,
    });
  });

  it('writes to a customer in a language without texts in the team’s default language', () => {
    const r = say('2026-04-07T08:00:00Z', '+971500000001', 'مرحبا، أين طلبي؟ لم يصل بعد');
    expect(ackOf(r.threadId).text).toMatch(/^Dziękujemy za wiadomość/);
  });

  it('predicts from the team’s real answers and reports how many promises were kept, per channel', async () => {
    const a = say('2026-04-07T08:00:00Z', '+48500000002', 'Dzień dobry, mam pytanie o fakturę');
    expect(promiseOf(a.episodeId).promisedMs).toBe(15 * M); // no history yet: the default
    await reply('2026-04-07T08:10:00Z', a.threadId); // kept
    const b = say('2026-04-07T08:20:00Z', '+48500000003', 'Dzień dobry, gdzie jest paczka?');
    expect(promiseOf(b.episodeId).promisedMs).toBe(10 * M); // the team's recent first responses
    await reply('2026-04-07T08:45:00Z', b.threadId); // missed
    const c = say('2026-04-07T08:50:00Z', '+48500000004', 'Dzień dobry, proszę o kontakt', 'sms');
    clock.now = at('2026-04-07T08:52:00Z');
    setThreadStatus(deps, admin, c.threadId, 'resolved'); // resolved without a reply: not counted
    const d = say('2026-04-07T09:00:00Z', '+48500000005', 'Dzień dobry, czy jest ktoś?');
    clock.now = at('2026-04-07T09:05:00Z'); // still within its promise: pending

    const report = waitCalibration(
      t.db,
      { from: at('2026-04-07T00:00:00Z'), to: at('2026-04-08T00:00:00Z') },
      clock.now,
    );
    expect(promiseOf(d.episodeId).madeAt).toBe(at('2026-04-07T09:00:00Z'));
    expect(report.target).toBe(0.8);
    expect(report.items).toEqual([
      {
        teamId,
        teamName: 'Support PL',
        channel: 'sms',
        promises: 1,
        kept: 0,
        missed: 0,
        pending: 0,
        unanswered: 1,
        keptShare: null,
      },
      {
        teamId,
        teamName: 'Support PL',
        channel: 'whatsapp',
        promises: 3,
        kept: 1,
        missed: 1,
        pending: 1,
        unanswered: 0,
        keptShare: 0.5,
      },
    ]);
    expect(report.overall).toEqual({ promises: 4, kept: 1, missed: 1, pending: 1, unanswered: 1, keptShare: 0.5 });
    // An hour later the open promise has run out unanswered: missed.
    const later = waitCalibration(
      t.db,
      { from: at('2026-04-07T00:00:00Z'), to: at('2026-04-08T00:00:00Z') },
      at('2026-04-07T10:00:00Z'),
    );
    expect(later.overall).toMatchObject({ kept: 1, missed: 2, pending: 0, keptShare: 1 / 3 });
  });
});
