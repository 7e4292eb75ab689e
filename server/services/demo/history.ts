// Several weeks of resolved history for the reports: agents of different quality answer, resolve and
// get surveyed, customers come back and thank them. Rows are written as the live services would leave
// them, and the metric facts through the same functions the live path uses, so every report figure
// agrees with the per-thread metrics of the same episodes.
import { eq } from 'drizzle-orm';
import { customers, episodes, identities, messages, threads } from '#server/db/schema';
import type { Db } from '#server/db/connection';
import { indexMessage } from '#server/db/searchIndex';
import {
  recordEpisodeFact,
  recordEpisodeOpened,
  recordReplyOutcome,
  recordSurveyFact,
} from '#server/services/metricFacts';
import type { Tx } from '#server/services/tx';
import { prng } from './random';

const MIN = 60_000;
const DAY = 86_400_000;

/** Whose history to write and how good each agent is (0 poor … 1 excellent). */
export interface HistoryPlan {
  now: number;
  teamId: number;
  agents: Array<{ id: number; quality: number }>;
  weeks: number;
  /** Conversations per agent per working day, on average. */
  perDay: number;
  seed: number;
}

const lerp = (a: number, b: number, q: number) => a + (b - a) * q;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const label = (s: number) => (s <= -0.2 ? 'negative' : s >= 0.2 ? 'positive' : 'neutral');

const ASK = ['My order has not arrived yet.', 'I was charged twice, please help.', 'How do I change my address?'];
const MORE = ['Any news?', 'It is still not working.', 'Could you check again?'];
const THANKS = ['Thank you so much, that was quick!', 'Thanks a lot, all sorted.', 'Dziękuję bardzo!'];

/** Write the plan's history; returns how many episodes were written. */
export function seedReportHistory(db: Db, plan: HistoryPlan): number {
  const rand = prng(plan.seed);
  const jitter = (sd: number) => Math.exp((rand() + rand() + rand() - 1.5) * sd * 1.4);
  const pool: Array<{ threadId: number; identityId: number; customerId: number; number: number; free: number }> = [];
  let written = 0;
  let cust = 0;
  const start = plan.now - plan.weeks * 7 * DAY;
  for (let day = start; day < plan.now - DAY; day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    db.transaction((tx) => {
      for (const a of plan.agents) {
        const n = Math.round(plan.perDay * (0.5 + rand()));
        for (let k = 0; k < n; k++) {
          const opened = day + 8 * 3_600_000 + Math.floor(rand() * 8 * 3_600_000);
          // About one in five conversations is a customer coming back (more often after a poor answer).
          const free = rand() < lerp(0.3, 0.12, a.quality) ? pool.filter((p) => p.free < opened) : [];
          const back = free.length ? free[Math.floor(rand() * free.length)] : undefined;
          const who = back ?? newCustomer(tx, ++cust, opened);
          if (!back) pool.push(who);
          who.number++;
          who.free = episode(tx, plan, a, who, opened, rand, jitter);
          written++;
        }
      }
    });
  }
  return written;
}

function newCustomer(tx: Tx, i: number, at: number) {
  const c = tx
    .insert(customers)
    .values({ name: `History customer ${i}`, createdAt: at, updatedAt: at })
    .returning()
    .get();
  const id = tx
    .insert(identities)
    .values({ customerId: c.id, channel: 'webchat', address: `history-${i}`, createdAt: at })
    .returning()
    .get();
  const t = tx
    .insert(threads)
    .values({ customerId: c.id, status: 'resolved', lastMessageAt: at, createdAt: at, updatedAt: at })
    .returning()
    .get();
  return { threadId: t.id, identityId: id.id, customerId: c.id, number: 0, free: 0 };
}

/** One episode: question, answer, maybe a follow-up and a thank-you, resolution, maybe a survey. */
function episode(
  tx: Tx,
  plan: HistoryPlan,
  a: { id: number; quality: number },
  who: { threadId: number; identityId: number; number: number },
  opened: number,
  rand: () => number,
  jitter: (sd: number) => number,
): number {
  const q = a.quality;
  const mood0 = clamp(-0.7 + rand(), -1, 1);
  const mood1 = clamp(mood0 + lerp(-0.25, 0.75, q) + (rand() - 0.5) * 0.4, -1, 1);
  const ep = tx
    .insert(episodes)
    .values({
      threadId: who.threadId,
      number: who.number,
      openedAt: opened,
      assigneeId: a.id,
      teamId: plan.teamId,
      predictedWaitMs: rand() < 0.7 ? 15 * MIN : null,
    })
    .returning()
    .get();
  recordEpisodeOpened(tx, who.threadId, who.number);
  let at = opened;
  const write = (direction: 'inbound' | 'outbound', text: string, mood: number | null) => {
    const m = tx
      .insert(messages)
      .values({
        threadId: who.threadId,
        episodeId: ep.id,
        direction,
        channel: 'webchat',
        identityId: who.identityId,
        authorAgentId: direction === 'outbound' ? a.id : null,
        text,
        receivedAt: at,
        sortTs: at,
        providerMessageId: direction === 'inbound' ? `history-${ep.id}-${at}` : null,
        deliveryStatus: direction === 'outbound' ? 'read' : null,
        sentimentScore: mood,
        sentimentLabel: mood === null ? null : label(mood),
        sentimentConfidence: mood === null ? null : 0.9,
        language: 'en',
      })
      .returning()
      .get();
    indexMessage(tx, m); // the demo history is searchable like any other conversation
    return m;
  };
  const reply = (wait: number, text: string) => {
    at += Math.round(wait);
    recordReplyOutcome(tx, write('outbound', text, null), true, at);
  };
  write('inbound', ASK[Math.floor(rand() * ASK.length)], mood0);
  reply(lerp(45 * MIN, 2 * MIN, q) * jitter(0.8), 'Thanks for writing, let me check that for you.');
  let end = mood0;
  if (rand() < lerp(0.6, 0.25, q)) {
    at += Math.round(rand() * 30 * MIN);
    end = (mood0 + mood1) / 2;
    write('inbound', MORE[Math.floor(rand() * MORE.length)], end);
    reply(lerp(60 * MIN, 4 * MIN, q) * jitter(0.8), 'Sorted now, sorry for the wait.');
  }
  if (rand() < lerp(0.05, 0.5, q)) {
    at += Math.round(rand() * 10 * MIN + MIN);
    end = Math.max(mood1, 0.6);
    write('inbound', THANKS[Math.floor(rand() * THANKS.length)], end);
  } else if (end !== mood1) end = mood1;
  const resolvedAt = at + Math.round(lerp(5 * 3_600_000, 15 * MIN, q) * jitter(0.7));
  tx.update(episodes)
    .set({ resolvedAt, resolvedBy: a.id, sentimentStart: mood0, sentimentEnd: end })
    .where(eq(episodes.id, ep.id))
    .run();
  recordEpisodeFact(tx, ep.id, a.id, resolvedAt);
  if (rand() < 0.6) {
    const score = clamp(Math.round(lerp(2.3, 4.9, q) + (rand() - 0.5) * 1.6), 1, 5);
    const answered = resolvedAt + 30 * MIN;
    tx.update(episodes)
      .set({ surveyKind: 'csat', surveySentAt: resolvedAt, surveyScore: score, surveyAnsweredAt: answered })
      .where(eq(episodes.id, ep.id))
      .run();
    recordSurveyFact(tx, { id: ep.id, teamId: plan.teamId, resolvedBy: a.id }, 'csat', score, answered);
  }
  tx.update(threads)
    .set({
      teamId: plan.teamId,
      assigneeId: a.id,
      currentEpisodeId: ep.id,
      lastMessageAt: at,
      lastAgentReplyAt: at,
      updatedAt: resolvedAt,
      lastMessagePreview: 'resolved',
    })
    .where(eq(threads.id, who.threadId))
    .run();
  return resolvedAt;
}
