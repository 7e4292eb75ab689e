import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { episodes, messages, threads } from '#server/db/schema';
import type { ThreadRow } from '#server/db/mappers';
import { surveyText, textLang } from '#server/domain/customerTexts';
import { readSurveyAnswer } from '#server/domain/survey';
import type { NormalizedInbound } from '#server/domain/inbound';
import type { ServiceDeps } from './deps';
import { writeOutbound } from './replies';
import { recordSurveyFact } from './metricFacts';
import { teamConfig } from './teamConfig';
import { transact, type Tx } from './tx';
import { queueWebhook } from './webhooks/queue';

// A survey answer must come within this window after the question; later digits are a new question.
const ANSWER_WINDOW_MS = 3 * 86_400_000;

/** After a resolve: send the team's CSAT or NPS question on the customer's channel. Returns true when sent. */
export function sendSurveyOnResolve(deps: ServiceDeps, threadId: number): boolean {
  return transact(deps, (tx, emit) => {
    const thread = tx.select().from(threads).where(eq(threads.id, threadId)).get();
    if (!thread || thread.status !== 'resolved' || thread.currentEpisodeId === null) return false;
    const { survey: kind, defaultLanguage } = teamConfig(tx, thread.teamId).settings;
    if (kind === 'none') return false;
    const ep = tx.select().from(episodes).where(eq(episodes.id, thread.currentEpisodeId)).get();
    if (!ep || ep.surveySentAt !== null) return false;
    const lastLang = tx
      .select({ l: messages.language })
      .from(messages)
      .where(and(eq(messages.threadId, threadId), eq(messages.direction, 'inbound'), isNotNull(messages.language)))
      .orderBy(desc(messages.sortTs))
      .get()?.l;
    const now = deps.now();
    tx.update(episodes).set({ surveyKind: kind, surveySentAt: now }).where(eq(episodes.id, ep.id)).run();
    writeOutbound(tx, emit, deps, thread, {
      text: surveyText(textLang([lastLang], defaultLanguage), kind),
      authorAgentId: null,
      isAuto: true,
      meta: { auto: 'survey', survey: kind },
    });
    return true;
  });
}

/**
 * Ingest hook: is this inbound message the answer to the survey of the thread's last
 * (resolved) episode? If so the score is stored on the episode (and so on its agent) and the
 * thread is not re-opened; anything that is not a score, or that also asks or reports something,
 * is kept as a message and re-opens the thread.
 */
export function takeSurveyAnswer(tx: Tx, thread: ThreadRow, input: NormalizedInbound, now: number): boolean {
  if (thread.status !== 'resolved' || thread.currentEpisodeId === null) return false;
  const ep = tx.select().from(episodes).where(eq(episodes.id, thread.currentEpisodeId)).get();
  if (!ep || ep.surveyKind === null || ep.surveySentAt === null || ep.surveyScore !== null) return false;
  if (now - ep.surveySentAt > ANSWER_WINDOW_MS) return false;
  const { score, followUp } = readSurveyAnswer(input.text, ep.surveyKind);
  if (score === null) return false;
  tx.update(episodes).set({ surveyScore: score, surveyAnsweredAt: now }).where(eq(episodes.id, ep.id)).run();
  recordSurveyFact(tx, ep, ep.surveyKind, score, now);
  queueWebhook(
    tx,
    'survey.answered',
    { threadId: thread.id, customerId: thread.customerId, episodeId: ep.id, kind: ep.surveyKind, score },
    now,
  );
  // A rating that also asks or reports something keeps its score, and the message re-opens the thread.
  return !followUp;
}
