import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { episodes, messages, threads } from '#server/db/schema';
import type { LoggedEvent } from '#shared/schemas/events';
import type { RoutedEvent, ServiceDeps } from '#server/services/deps';
import { ingestInbound } from '#server/services/ingest';
import { intelligenceHooks } from '#server/services/intelligence';
import { computeThreadMetrics } from '#server/services/metrics';
import { OutboxWorker } from '#server/services/outbox';
import { replyToThread } from '#server/services/replies';
import { createSlaPolicy } from '#server/services/sla';
import { SlaScheduler } from '#server/services/slaScheduler';
import { updateTeamConfig } from '#server/services/teamConfig';
import { changeThreadStatus, setThreadStatus } from '#server/services/threadOps';

import { tempDb, insertTestAdmin } from '#tests/helpers/db';
import { inbound } from '#tests/factories';
import { makeTeam, routeNewThreadsTo } from '#tests/factories';

const H = 3_600_000;
const M = 60_000;
const WARSAW = {
  timeZone: 'Europe/Warsaw',
  weekly: {
    '1': [['09:00', '17:00']],
    '2': [['09:00', '17:00']],
    '3': [['09:00', '17:00']],
    '4': [['09:00', '17:00']],
    '5': [['09:00', '17:00']],
  },
  holidays: ['2026-11-11'],
};

let t: ReturnType<typeof tempDb>;
let clock: { now: number };
let events: RoutedEvent[];
let deps: ServiceDeps;
let sla: SlaScheduler | null;
let teamId: number;
const admin = { id: 1, role: 'admin' as const, teamIds: [] };

function setup() {
  t = tempDb();
  clock = { now: 0 };
  events = [];
  sla = null;
  deps = {
    db: t.db,
    now: () => clock.now,
    presence: { onlineAgentIds: () => [] },
    publisher: {
      publish: (e) => {
        events.push(...e);
        sla?.onEvents(e);
      },
    },
  };
  insertTestAdmin(t.db);
  teamId = makeTeam(t.db, { name: 'Warsaw' });
  routeNewThreadsTo(t.db, teamId);
  updateTeamConfig(t.db, teamId, {
    businessHours: WARSAW as never,
    settings: { acknowledgement: { enabled: true, channels: [] }, survey: 'csat' },
  });
}
beforeEach(setup);
afterEach(() => t.cleanup());

const at = (iso: string) => Date.parse(iso);
const hooks = () => intelligenceHooks(deps, () => undefined);
const say = (iso: string, text: string) => {
  clock.now = at(iso);
  return ingestInbound(deps, inbound('whatsapp', '+48512345678', text, { providerTs: clock.now }), hooks());
};
// The provider accepts every send at once: a reply stops a clock only when it has left Braid.
let sent = 0;
const reply = async (iso: string, threadId: number, text: string) => {
  clock.now = at(iso);
  const m = replyToThread(deps, admin, threadId, { text });
  const worker = new OutboxWorker(deps, () => Promise.resolve({ ok: true, providerMessageId: `wamid.${++sent}` }));
  worker.start(); // delivers what is due now
  await worker.stop(); // and waits for the outcomes to be recorded
  return m;
};
const resolve = (iso: string, threadId: number) => {
  clock.now = at(iso);
  return setThreadStatus(deps, admin, threadId, 'resolved');
};

describe('response times from persisted timestamps (hand-computed)', () => {
  it('handles a DST change, a holiday, a weekend, re-opens and an automatic acknowledgement', async () => {
    // Episode 1 — Saturday 24 Oct 2026 12:00 CEST (10:00Z); clocks go back on Sunday 25 Oct.
    const first = say('2026-10-24T10:00:00Z', 'Hello, my parcel has not arrived');
    const ack1 = t.db.select().from(messages).where(eq(messages.isAuto, true)).all();
    expect(ack1).toHaveLength(1); // out of hours: "we'll be back Monday"
    expect(ack1[0].text).toMatch(/outside business hours/);
    await reply('2026-10-26T09:00:00Z', first.threadId, 'Sorry! Checking now.'); // Mon 10:00 CET
    say('2026-10-26T09:30:00Z', 'Any news?'); // Mon 10:30
    await reply('2026-10-26T10:00:00Z', first.threadId, 'It ships today.'); // Mon 11:00
    resolve('2026-10-26T11:00:00Z', first.threadId); // Mon 12:00 CET
    // Episode 2 — Tue 10 Nov 16:30 CET; Wed 11 Nov is a holiday.
    const second = say('2026-11-10T15:30:00Z', 'The invoice is wrong');
    expect(second).toMatchObject({ newEpisode: true });
    await reply('2026-11-12T08:15:00Z', first.threadId, 'Fixed it.'); // Thu 09:15
    resolve('2026-11-12T09:00:00Z', first.threadId);
    // Episode 3 — Fri 13 Nov 16:00 CET; acknowledged at once (in hours), answered Monday 09:30.
    say('2026-11-13T15:00:00Z', 'Cannot log in');
    await reply('2026-11-16T08:30:00Z', first.threadId, 'Reset your password here…');

    const m = computeThreadMetrics(t.db, first.threadId);
    expect(m.episodes.map((e) => e.number)).toEqual([1, 2, 3]);
    const [e1, e2, e3] = m.episodes;
    // Sat 12:00 CEST → Mon 10:00 CET = 47 h of calendar time (the night of 25 Oct has 25 h); 1 h of business time.
    expect(e1.firstResponse).toEqual({ calendarMs: 47 * H, businessMs: 1 * H });
    expect(e1.nextResponses).toEqual([{ calendarMs: 30 * M, businessMs: 30 * M }]);
    expect(e1.averageReply).toEqual({ calendarMs: (47 * H + 30 * M) / 2, businessMs: (H + 30 * M) / 2 });
    // Sat 12:00 CEST → Mon 12:00 CET = 49 h; business Mon 09:00–12:00 = 3 h.
    expect(e1.resolution).toEqual({ calendarMs: 49 * H, businessMs: 3 * H });
    // Tue 16:30 → Thu 09:15 = 40 h 45 min; business: 30 min Tue + 0 (holiday) + 15 min Thu.
    expect(e2.firstResponse).toEqual({ calendarMs: 40 * H + 45 * M, businessMs: 45 * M });
    // Fri 16:00 → Mon 09:30 = 65 h 30 min; business 1 h Fri + 30 min Mon. The acknowledgement does not count.
    expect(e3.firstResponse).toEqual({ calendarMs: 65 * H + 30 * M, businessMs: 90 * M });
    const autos = t.db.select().from(messages).where(eq(messages.isAuto, true)).all();
    expect(autos.map((a) => a.meta.auto)).toEqual(['acknowledgement', 'acknowledgement', 'acknowledgement']);
    expect(e3.predictedWaitMs).not.toBeNull();
  });
});

describe('surveys', () => {
  it('sends CSAT on resolve, stores a Thai answer without re-opening, and re-opens on a real question', async () => {
    const r = say('2026-11-16T09:00:00Z', 'สวัสดีค่ะ สั่งของไปยังไม่ได้รับเลย');
    await reply('2026-11-16T09:10:00Z', r.threadId, 'ส่งแล้วค่ะ');
    clock.now = at('2026-11-16T09:20:00Z');
    changeThreadStatus(deps, admin, r.threadId, 'resolved', undefined, () => undefined);
    const survey = t.db
      .select()
      .from(messages)
      .all()
      .find((m) => m.meta.auto === 'survey')!;
    expect(survey.text).toMatch(/1.*5/);
    expect(survey.text).toMatch(/[\u0E00-\u0E7F]/); // asked in Thai, the customer's language
    const answer = say('2026-11-16T09:30:00Z', 'ให้ 5 คะแนนค่ะ');
    expect(answer).toMatchObject({ newEpisode: false, surveyAnswer: true });
    expect(t.db.select().from(threads).get()!.status).toBe('resolved');
    expect(t.db.select().from(episodes).get()!).toMatchObject({ surveyKind: 'csat', surveyScore: 5 });
    const question = say('2026-11-16T10:00:00Z', 'อีกเรื่องค่ะ ขอใบกำกับภาษีได้ไหม');
    expect(question).toMatchObject({ newEpisode: true });
  });
});

describe('sentiment alerts for leads', () => {
  it('alerts once when the rolling mood drops below the team threshold, not again while it stays low', () => {
    updateTeamConfig(t.db, teamId, {
      settings: { acknowledgement: { enabled: false, channels: [] }, sentimentThreshold: -0.5 },
    });
    const alerts = () => events.map((e) => e.event).filter((e) => e.type === 'sentiment.alerted');
    say('2026-11-16T09:00:00Z', 'Hello, can you check my order 4411?');
    say('2026-11-16T09:05:00Z', 'Still nothing. This is terrible service!!!');
    expect(alerts()).toHaveLength(0); // rolling mean of 0 and ≈ -0.8 stays above -0.5
    say('2026-11-16T09:10:00Z', 'I am furious, worst company ever 😡');
    expect(alerts()).toHaveLength(1);
    const [a] = alerts();
    expect(a.type === 'sentiment.alerted' && a.score).toBeLessThan(-0.5);
    say('2026-11-16T09:15:00Z', 'Absolutely useless, I want a refund NOW!!!');
    expect(alerts()).toHaveLength(1);
  });
});

describe('SLA clocks', () => {
  it('fires warnings at 50/75/90 % and the breach at 100 % at the right instants, also after a restart', async () => {
    createSlaPolicy(
      t.db,
      {
        name: 'Standard',
        match: {},
        firstResponseMs: 2 * H,
        nextResponseMs: H,
        resolutionMs: null,
        businessHours: true,
      },
      0,
    );
    sla = new SlaScheduler(deps);
    sla.refreshAll();
    const r = say('2026-11-13T15:00:00Z', 'Help, the app crashes'); // Fri 16:00 CET
    const alerts = () =>
      events
        .map((e) => e.event)
        .filter((e): e is Extract<LoggedEvent, { type: 'sla.alerted' }> => e.type === 'sla.alerted');
    // 2 business hours from Fri 16:00: 50 % = Fri 17:00, 75 % = Mon 09:30, 90 % = Mon 09:48, 100 % = Mon 10:00 (CET = UTC+1).
    expect(sla.nextFor(r.threadId)).toBe(at('2026-11-13T16:00:00Z'));
    clock.now = at('2026-11-13T15:59:59Z');
    expect(sla.tick()).toBe(0);
    clock.now = at('2026-11-13T16:00:00Z');
    expect(sla.tick()).toBe(1);
    expect(alerts().map((a) => [a.fraction, a.state])).toEqual([[0.5, 'warning']]);
    expect(sla.nextFor(r.threadId)).toBe(at('2026-11-16T08:30:00Z'));

    // Braid restarts over the weekend and comes back Monday 09:50 — after 75 % and 90 % passed.
    sla.stop();
    sla = new SlaScheduler(deps);
    clock.now = at('2026-11-16T08:50:00Z');
    sla.refreshAll();
    expect(alerts().map((a) => a.fraction)).toEqual([0.5, 0.9]); // missed crossings fire once, the highest
    expect(sla.nextFor(r.threadId)).toBe(at('2026-11-16T09:00:00Z'));
    clock.now = at('2026-11-16T09:00:00Z');
    sla.tick();
    expect(alerts().at(-1)).toMatchObject({
      fraction: 1,
      state: 'breached',
      kind: 'first_response',
      dueAt: at('2026-11-16T09:00:00Z'),
    });
    const summary = events
      .map((e) => e.event)
      .filter((e) => e.type === 'thread.updated')
      .at(-1)!;
    expect(summary.type === 'thread.updated' && summary.thread.sla).toMatchObject({
      state: 'breached',
      policyName: 'Standard',
    });
    // A third scheduler (another restart) fires nothing again.
    sla = new SlaScheduler(deps);
    sla.refreshAll();
    expect(alerts()).toHaveLength(3);
    // Answering stops the first-response clock; the next unanswered message starts a next-response clock.
    await reply('2026-11-16T09:05:00Z', r.threadId, 'On it');
    say('2026-11-16T09:10:00Z', 'Still broken');
    expect(sla.nextFor(r.threadId)).toBe(at('2026-11-16T09:40:00Z')); // 50 % of 1 h
  });
});
