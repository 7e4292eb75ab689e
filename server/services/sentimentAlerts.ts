import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { messages, threads } from '../db/schema';
import { rollingSentiment } from '../../shared/metrics/sentimentTrend';
import type { ServiceDeps } from './deps';
import { teamConfig } from './teamConfig';
import { roomsOf, type Reader } from './threadQueries';
import { transact } from './tx';

/** Inbound sentiment scores of a thread in timeline order, with their rolling mean. */
export function sentimentSeries(r: Reader, threadId: number) {
  const rows = r
    .select({ id: messages.id, at: messages.sortTs, score: messages.sentimentScore, language: messages.language, meta: messages.meta })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), eq(messages.direction, 'inbound'), isNotNull(messages.sentimentScore)))
    .orderBy(asc(messages.sortTs), asc(messages.id))
    .all()
    .filter((m) => !m.meta.surveyAnswer);
  const rolling = rollingSentiment(rows.map((m) => m.score as number));
  return rows.map((m, i) => ({ messageId: m.id, at: m.at, score: m.score as number, rolling: rolling[i], language: m.language }));
}

/**
 * After a new inbound message: when the thread's rolling sentiment has just dropped below
 * the team's threshold, tell team leads (a logged 'sentiment.alerted' event). Returns true when alerted.
 */
export function alertOnSentimentDrop(deps: ServiceDeps, threadId: number, messageId: number): boolean {
  // Decide read-only first: nearly every message crosses nothing, and then no write transaction is needed.
  const thread = deps.db.select().from(threads).where(eq(threads.id, threadId)).get();
  if (!thread) return false;
  const series = sentimentSeries(deps.db, threadId);
  const i = series.findIndex((p) => p.messageId === messageId);
  if (i === -1) return false;
  const threshold = teamConfig(deps.db, thread.teamId).settings.sentimentThreshold;
  const now = series[i].rolling;
  const before = i > 0 ? series[i - 1].rolling : 0;
  if (!(now < threshold && before >= threshold)) return false;
  transact(deps, (_tx, emit) => emit({ type: 'sentiment.alerted', threadId, score: now, threshold }, roomsOf(thread), threadId));
  return true;
}
