import { and, eq, gt, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { agentTeams, customers, episodes, threads } from '#server/db/schema';
import { isWithinBusinessHours, nextBusinessOpen } from '#shared/metrics/businessHours';
import { elapsedMs } from '#shared/metrics/elapsed';
import { formatDuration } from '#shared/metrics/formatDuration';
import { ackClosedText, ackOpenText, LOCALE, textLang } from '#server/domain/customerTexts';
import { predictWaitMs } from '#server/domain/waitPrediction';
import type { ChannelKind } from '#shared/channels';
import type { ServiceDeps } from './deps';
import { writeOutbound } from './replies';
import { teamConfig } from './teamConfig';
import type { Reader } from './threadQueries';
import { transact } from './tx';

const WEEK_MS = 7 * 86_400_000;

/** A wait prediction: how long, and whether the team is closed until `opensAt`. */
export interface WaitPrediction {
  waitMs: number;
  waitingAhead: number;
  opensAt: number | null;
}

/** Predict the wait for a new episode of a team's thread from the live queue. */
export function predictWait(
  r: Reader,
  deps: ServiceDeps,
  teamId: number | null,
  threadId: number,
  now: number,
): WaitPrediction {
  const { schedule } = teamConfig(r, teamId);
  const teamThreads = teamId === null ? isNull(threads.teamId) : eq(threads.teamId, teamId);
  const recent = r
    .select({ openedAt: episodes.openedAt, firstResponseAt: episodes.firstResponseAt })
    .from(episodes)
    .innerJoin(threads, eq(threads.id, episodes.threadId))
    .where(and(teamThreads, isNotNull(episodes.firstResponseAt), gt(episodes.openedAt, now - WEEK_MS)))
    .all()
    .map((e) => elapsedMs(e.openedAt, e.firstResponseAt as number, schedule));
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
  const waitMs = predictWaitMs({ recentFirstResponses: recent, waitingAhead, agentsOnline });
  const closed = schedule !== null && !isWithinBusinessHours(now, schedule);
  return { waitMs, waitingAhead, opensAt: closed ? nextBusinessOpen(now, schedule) : null };
}

/**
 * When a new episode opens and the team acknowledges on this channel, send the customer an
 * automatic message with the predicted wait (or when the team is back), in their language,
 * and record the prediction on the episode. Returns true when one was queued.
 */
export function acknowledgeNewEpisode(
  deps: ServiceDeps,
  threadId: number,
  episodeId: number,
  channel: ChannelKind,
  language: string | null,
): boolean {
  // Most teams and channels do not acknowledge: find out without opening a write transaction.
  const teamId =
    deps.db.select({ teamId: threads.teamId }).from(threads).where(eq(threads.id, threadId)).get()?.teamId ?? null;
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
    const lang = textLang(language && language !== 'und' ? language : customerLang);
    const locale = LOCALE[lang];
    let text: string;
    let predicted = p.waitMs;
    if (p.opensAt !== null && schedule) {
      const when = new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: schedule.timeZone,
      }).format(p.opensAt);
      text = ackClosedText(lang, when);
      predicted = p.opensAt - now + p.waitMs;
    } else {
      text = ackOpenText(lang, formatDuration(p.waitMs, locale, 'short'), p.waitingAhead);
    }
    tx.update(episodes).set({ predictedWaitMs: predicted }).where(eq(episodes.id, episodeId)).run();
    writeOutbound(tx, emit, deps, thread, {
      text,
      authorAgentId: null,
      isAuto: true,
      meta: { auto: 'acknowledgement', predictedWaitMs: predicted },
    });
    return true;
  });
}
