import { and, desc, eq, gt, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { agentTeams, customers, episodes, replyFacts, threads, waitPromises } from '#server/db/schema';
import { elapsedMs } from '#shared/metrics/elapsed';
import { formatDuration } from '#shared/metrics/formatDuration';
import { ackClosedText, ackLaterText, ackOpenText, LOCALE, textLang } from '#server/domain/customerTexts';
import { predictBusinessWaitMs, promiseFrom, type WaitPromise } from '#server/domain/waitPrediction';
import type { ChannelKind } from '#shared/channels';
import type { ServiceDeps } from './deps';
import { writeOutbound } from './replies';
import { teamConfig } from './teamConfig';
import type { Reader } from './threadQueries';
import { transact } from './tx';
import { statements } from '#server/db/statements';

const DAY_MS = 86_400_000;
/** How far back, and how many, recent waits a prediction reads. */
const SAMPLE_DAYS = 14;
const SAMPLE_LIMIT = 500;

/** A wait prediction: the promise, the customers ahead, and whether the team is closed right now. */
export interface WaitPrediction extends WaitPromise {
  waitingAhead: number;
  closedNow: boolean;
}

/**
 * Predict the wait for a new episode of a team's thread from the real queue: recent answered
 * promises at a comparable queue position (else recent first responses), the customers waiting
 * now and the team's agents online, turned into a promise through the team's business hours.
 */
export function predictWait(
  r: Reader,
  deps: ServiceDeps,
  teamId: number | null,
  threadId: number,
  now: number,
): WaitPrediction {
  const { schedule } = teamConfig(r, teamId);
  const since = now - SAMPLE_DAYS * DAY_MS;
  const samples = r
    .select({ position: waitPromises.queuePosition, madeAt: waitPromises.madeAt, answered: episodes.firstResponseAt })
    .from(waitPromises)
    .innerJoin(episodes, eq(episodes.id, waitPromises.episodeId))
    .where(
      and(
        teamId === null ? isNull(waitPromises.teamId) : eq(waitPromises.teamId, teamId),
        gt(waitPromises.madeAt, since),
        isNotNull(episodes.firstResponseAt),
      ),
    )
    .orderBy(desc(waitPromises.madeAt))
    .limit(SAMPLE_LIMIT)
    .all()
    .map((s) => ({ position: s.position, waitMs: elapsedMs(s.madeAt, s.answered as number, schedule) }));
  const recentFirstResponses = r
    .select({ ms: replyFacts.businessMs })
    .from(replyFacts)
    .where(
      and(
        teamId === null ? isNull(replyFacts.teamId) : eq(replyFacts.teamId, teamId),
        gt(replyFacts.at, since),
        eq(replyFacts.isFirst, true),
      ),
    )
    .orderBy(desc(replyFacts.at))
    .limit(SAMPLE_LIMIT)
    .all()
    .map((f) => f.ms as number);
  const teamThreads = teamId === null ? isNull(threads.teamId) : eq(threads.teamId, teamId);
  const waitingAhead =
    r
      .select({ n: sql<number>`count(*)` })
      .from(threads)
      .where(
        and(
          teamThreads,
          isNotNull(threads.waitingSince),
          ne(threads.id, threadId),
          inArray(threads.status, ['open', 'pending']),
        ),
      )
      .get()?.n ?? 0;
  const online = new Set(deps.presence.onlineAgentIds());
  const members =
    teamId === null
      ? [...online]
      : r
          .select({ id: agentTeams.agentId })
          .from(agentTeams)
          .where(eq(agentTeams.teamId, teamId))
          .all()
          .map((m) => m.id);
  const agentsOnline = members.filter((id) => online.has(id)).length;
  const businessMs = predictBusinessWaitMs({ samples, recentFirstResponses, waitingAhead, agentsOnline });
  const promise = promiseFrom(now, businessMs, schedule);
  const closedNow = schedule !== null && promiseFrom(now, 1, schedule).by !== now + 1;
  return { ...promise, waitingAhead, closedNow };
}

/**
 * When a new episode opens and the team acknowledges on this channel, send the customer an
 * automatic message with the promised wait (a duration today, else the day and time), in their
 * language or the team's default one, and record the promise (episode + wait_promises).
 * Returns true when one was queued.
 */
export function acknowledgeNewEpisode(
  deps: ServiceDeps,
  threadId: number,
  episodeId: number,
  channel: ChannelKind,
  language: string | null,
): boolean {
  // Most teams and channels do not acknowledge: find out without opening a write transaction.
  const teamId = statements(deps.db).threadCustomer.get({ id: threadId })?.teamId ?? null;
  const want = teamConfig(deps.db, teamId).settings.acknowledgement;
  if (!want.enabled || (want.channels.length > 0 && !want.channels.includes(channel))) return false;
  return transact(deps, (tx, emit) => {
    const thread = tx.select().from(threads).where(eq(threads.id, threadId)).get();
    if (!thread || thread.currentEpisodeId !== episodeId) return false;
    const { settings, schedule } = teamConfig(tx, thread.teamId);
    const ack = settings.acknowledgement;
    if (!ack.enabled || (ack.channels.length > 0 && !ack.channels.includes(channel))) return false;
    const now = deps.now();
    const p = predictWait(tx, deps, thread.teamId, thread.id, now);
    const customerLang = tx
      .select({ l: customers.language })
      .from(customers)
      .where(eq(customers.id, thread.customerId))
      .get()?.l;
    const lang = textLang([language, customerLang], settings.defaultLanguage);
    const locale = LOCALE[lang];
    let text: string;
    if (p.later && schedule) {
      const when = new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: schedule.timeZone,
      }).format(p.by);
      text = p.closedNow ? ackClosedText(lang, when) : ackLaterText(lang, when, p.waitingAhead);
    } else {
      text = ackOpenText(lang, formatDuration(p.ms, locale, 'short'), p.waitingAhead);
    }
    tx.update(episodes).set({ predictedWaitMs: p.ms }).where(eq(episodes.id, episodeId)).run();
    tx.insert(waitPromises)
      .values({
        episodeId,
        teamId: thread.teamId,
        channel,
        madeAt: now,
        promisedMs: p.ms,
        queuePosition: p.waitingAhead,
      })
      .onConflictDoNothing()
      .run();
    writeOutbound(tx, emit, deps, thread, {
      text,
      authorAgentId: null,
      isAuto: true,
      meta: { auto: 'acknowledgement', predictedWaitMs: p.ms, promisedBy: p.by },
    });
    return true;
  });
}
