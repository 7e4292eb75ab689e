import { and, asc, eq } from 'drizzle-orm';
import { messages } from '#server/db/schema';
import { rollingSentiment } from '#shared/metrics/sentimentTrend';
import type { ServiceDeps } from './deps';
import { teamConfig } from './teamConfig';
import { roomsOf, type Reader } from './threadQueries';
import { statements } from '#server/db/statements';
import { ingestStatements } from '#server/db/ingestStatements';
import { transact } from './tx';
import { scoredInbound } from '#server/db/conditions';

/** Inbound sentiment scores of a thread in timeline order, with their rolling mean. */
export function sentimentSeries(r: Reader, threadId: number) {
  const rows = r
    .select({
      id: messages.id,
      at: messages.sortTs,
      score: messages.sentimentScore,
      language: messages.language,
      meta: messages.meta,
    })
    .from(messages)
    .where(and(eq(messages.threadId, threadId), scoredInbound))
    .orderBy(asc(messages.sortTs), asc(messages.id))
    .all()
    .filter((m) => !m.meta.surveyAnswer);
  const rolling = rollingSentiment(rows.map((m) => m.score as number));
  return rows.map((m, i) => ({
    messageId: m.id,
    at: m.at,
    score: m.score as number,
    rolling: rolling[i],
    language: m.language,
  }));
}

/**
 * After a new inbound message: when the thread's rolling sentiment has just dropped below
 * the team's threshold, tell team leads (a logged 'sentiment.alerted' event). Returns true when alerted.
 */
export function alertOnSentimentDrop(deps: ServiceDeps, threadId: number, messageId: number): boolean {
  // Decide read-only first: nearly every message crosses nothing, and then no write transaction is needed.
  const thread = statements(deps.db).threadById.get({ id: threadId });
  const st = ingestStatements(deps.db);
  const msg = st.messageSortTs.get({ id: messageId });
  if (!thread || !msg) return false;
  // Only the window before and at this message matters, not the whole history (this runs on every ingest).
  const recent = st.sentimentWindow.all({ threadId, at: msg.at, id: messageId }).reverse();
  if (recent.at(-1)?.id !== messageId) return false;
  const rolling = rollingSentiment(recent.map((m) => m.score as number));
  const threshold = teamConfig(deps.db, thread.teamId).settings.sentimentThreshold;
  const now = rolling[rolling.length - 1];
  const before = rolling.length > 1 ? rolling[rolling.length - 2] : 0;
  if (!(now < threshold && before >= threshold)) return false;
  transact(deps, (_tx, emit) =>
    emit({ type: 'sentiment.alerted', threadId, score: now, threshold }, roomsOf(thread), threadId),
  );
  return true;
}
