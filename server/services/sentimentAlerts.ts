import { and, asc, eq } from 'drizzle-orm';
import { messages } from '#server/db/schema';
import { rollingSentiment } from '#shared/metrics/sentimentTrend';
import type { ThreadRow } from '#server/db/mappers';
import { teamConfig } from './teamConfig';
import { roomsOf, type Reader } from './threadQueries';
import { ingestStatements } from '#server/db/ingestStatements';
import type { EmitFn, Tx } from './tx';
import { scoredInbound } from '#server/db/conditions';
import { isConfident } from '#shared/sentimentConfidence';

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

/** What the drop check needs of an inbound message just stored: its thread as written and its place in the timeline. */
export interface StoredInbound {
  thread: Pick<ThreadRow, 'id' | 'teamId' | 'assigneeId'>;
  messageId: number;
  /** The message's timeline position (sort_ts). */
  at: number;
  /** The message's sentiment mark as stored (absent: read it with the window). */
  mark?: { score: number | null; confidence: number | null };
}

/**
 * Inside the transaction that stored an inbound message: when the thread's rolling sentiment has just
 * dropped below the team's threshold, tell team leads (a logged 'sentiment.alerted' event, published
 * with the message). Takes the thread and message from the ingest instead of reading them back, and
 * writes its event in the same transaction. Returns true when alerted.
 */
export function alertOnSentimentDrop(tx: Tx, emit: EmitFn, m: StoredInbound): boolean {
  const threadId = m.thread.id;
  // A message without a confident mark is not in its own window (scoredInbound), so the check below
  // would return false: skip the read, which walks back over every unscored message of the thread.
  if (m.mark && (m.mark.score === null || !isConfident(m.mark.confidence))) return false;
  // Only the window before and at this message matters, not the whole history (this runs on every ingest).
  const recent = ingestStatements(tx).sentimentWindow.all({ threadId, at: m.at, id: m.messageId }).reverse();
  if (recent.at(-1)?.id !== m.messageId) return false;
  const rolling = rollingSentiment(recent.map((r) => r.score as number));
  const threshold = teamConfig(tx, m.thread.teamId).settings.sentimentThreshold;
  const now = rolling[rolling.length - 1];
  const before = rolling.length > 1 ? rolling[rolling.length - 2] : 0;
  if (!(now < threshold && before >= threshold)) return false;
  emit({ type: 'sentiment.alerted', threadId, score: now, threshold }, roomsOf(m.thread), threadId);
  return true;
}
