import { toMessage, type MessageRow, type ThreadRow } from '#server/db/mappers';
import { normalizeAddress, type NormalizedAddress } from '#server/domain/address';
import { onInbound } from '#server/domain/threadState';
import { effectiveInboundAt, type NormalizedInbound } from '#server/domain/inbound';
import type { ServiceDeps } from './deps';
import { routeTeamQueue } from './router';
import { roomsOf, summarize } from './threadQueries';
import { appendToThread } from './threadDerived';
import { afterCommit, isUniqueViolation, transact, type EmitFn, type Tx } from './tx';
import { resolveIdentity } from './resolveIdentity';
import { createThread } from './newThread';
import { recordEpisodeOpened } from './metricFacts';
import { trackPause } from './pause';
import { statements } from '#server/db/statements';
import { ingestStatements } from '#server/db/ingestStatements';
import { indexMessage } from '#server/db/searchIndex';
import { isConfident } from '#shared/sentimentConfidence';

/** Sentiment computed for an inbound message (filled by the intelligence layer). */
export interface InboundAnalysis {
  score: number;
  label: 'negative' | 'neutral' | 'positive';
  language: string | null;
  /** The analyser's confidence in the label (see shared/sentimentConfidence.ts). */
  confidence: number | null;
}

/** Optional behaviour plugged into ingest by later layers (sentiment, surveys). */
export interface IngestHooks {
  analyze?: (text: string) => InboundAnalysis | null;
  /** True when the message answers a pending survey: it must not re-open the thread. */
  isSurveyAnswer?: (tx: Tx, thread: ThreadRow, input: NormalizedInbound) => boolean;
  /** True when the message only says thanks after a resolve (asked only when it is not a survey answer). */
  isClosingCourtesy?: (tx: Tx, thread: ThreadRow, input: NormalizedInbound) => boolean;
  /**
   * Runs inside the storing transaction, after `message.created` was logged, with the message and its
   * thread as written (the sentiment-drop alert): it may emit events, which publish with the message.
   * Not called for survey answers and closing courtesies. A failure is logged and never undoes the ingest.
   */
  whileStoring?: (tx: Tx, emit: EmitFn, stored: StoredMessage) => void;
  /** Runs after a new message is committed (acknowledgements); failures never undo the ingest. */
  afterCommit?: (
    result: Extract<IngestResult, { status: 'stored' }>,
    input: NormalizedInbound,
    analysis: InboundAnalysis | null,
  ) => void;
}

/** A new inbound message as the ingest transaction wrote it (for `whileStoring`). */
export interface StoredMessage {
  thread: ThreadRow;
  message: MessageRow;
  analysis: InboundAnalysis | null;
}

/** What ingest did with one inbound message. */
export type IngestResult =
  | {
      status: 'stored';
      messageId: number;
      threadId: number;
      customerId: number;
      newEpisode: boolean;
      episodeId: number;
      surveyAnswer: boolean;
      /** A "thank you" after a resolve: stored, the thread stays resolved. */
      closingCourtesy: boolean;
    }
  | { status: 'duplicate'; messageId: number; threadId: number; customerId: number };

/**
 * Store one inbound message in a single synchronous transaction: drop duplicates, resolve
 * the customer, append to their one thread (re-opening a resolved thread as a new episode),
 * keep "waiting since", then publish events after commit. Retries once on a UNIQUE race.
 */
export function ingestInbound(deps: ServiceDeps, input: NormalizedInbound, hooks: IngestHooks = {}): IngestResult {
  const addr = normalizeAddress(input.channel, input.from.address, input.from);
  const analysis = hooks.analyze?.(input.text) ?? null;
  let result: IngestResult;
  try {
    result = transact(deps, (tx, emit) => ingestInTx(tx, emit, deps, input, addr, analysis, hooks));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // Another writer created the same customer/identity/message a moment ago: re-read and continue.
    result = transact(deps, (tx, emit) => ingestInTx(tx, emit, deps, input, addr, analysis, hooks));
  }
  const after = hooks.afterCommit;
  if (result.status === 'stored' && after) {
    const stored = result;
    // Inside a group commit this waits for the group's commit (tx.ts afterCommit).
    afterCommit(deps, () => {
      try {
        after(stored, input, analysis);
      } catch (err) {
        console.error('[ingest] after-commit hook failed (the message is stored):', err);
      }
    });
  }
  return result;
}

function ingestInTx(
  tx: Tx,
  emit: EmitFn,
  deps: ServiceDeps,
  input: NormalizedInbound,
  addr: NormalizedAddress,
  analysis: InboundAnalysis | null,
  hooks: IngestHooks,
): IngestResult {
  const now = deps.now();
  const st = statements(tx);
  const dup = st.duplicate.get({ channel: input.channel, pmid: input.providerMessageId });
  if (dup) {
    const t = st.threadCustomer.get({ id: dup.threadId });
    return { status: 'duplicate', messageId: dup.id, threadId: dup.threadId, customerId: t?.customerId ?? 0 };
  }

  const identity = resolveIdentity(tx, input, addr, now);
  const sortTs = effectiveInboundAt(input.providerTs, now);
  let thread = st.threadByCustomer.get({ customerId: identity.customerId });
  const created = !thread;
  if (!thread) {
    const first = { input, identityId: identity.id, sortTs, sentiment: analysis };
    thread = createThread(tx, identity.customerId, first, now);
  }

  const surveyAnswer = hooks.isSurveyAnswer?.(tx, thread, input) ?? false;
  const closingCourtesy = !surveyAnswer && (hooks.isClosingCourtesy?.(tx, thread, input) ?? false);
  const isFresh = thread.currentEpisodeId === null;
  const transition = onInbound(isFresh ? null : thread.status, {
    isSurveyAnswer: surveyAnswer,
    isClosingCourtesy: closingCourtesy,
  });
  let episodeId = thread.currentEpisodeId;
  if (!isFresh) trackPause(tx, thread.currentEpisodeId, thread.teamId, thread.status, transition.status, now);
  if (transition.startsEpisode) episodeId = openEpisode(tx, thread, sortTs, created);

  const row = ingestStatements(tx).insertMessage.get({
    threadId: thread.id,
    episodeId,
    direction: 'inbound',
    channel: input.channel,
    identityId: identity.id,
    text: input.text,
    html: input.html ?? null,
    subject: input.subject ?? null,
    attachments: input.attachments,
    providerMessageId: input.providerMessageId,
    providerTs: input.providerTs,
    receivedAt: now,
    sortTs,
    sentimentScore: analysis?.score ?? null,
    sentimentLabel: analysis?.label ?? null,
    sentimentConfidence: analysis?.confidence ?? null,
    language: analysis?.language ?? null,
    meta: {
      ...(input.meta ?? {}),
      ...(input.replyFacts ?? {}),
      transport: input.transport,
      ...(surveyAnswer ? { surveyAnswer: true } : {}),
      ...(closingCourtesy ? { closingCourtesy: true } : {}),
    },
  })!;
  indexMessage(tx, row);

  // The episode's arc (the sentiment-lift report) reads confident marks only.
  if (analysis && isConfident(analysis.confidence) && episodeId !== null && !surveyAnswer && !closingCourtesy)
    recordEpisodeSentiment(tx, episodeId, analysis.score);
  ingestStatements(tx).identityLastInbound.run({ at: Math.max(identity.lastInboundAt ?? 0, sortTs), id: identity.id });
  let updated = appendToThread(
    tx,
    thread,
    row,
    {
      status: transition.status,
      snoozedUntil: transition.status === 'open' ? null : thread.snoozedUntil,
      currentEpisodeId: episodeId,
    },
    now,
    // Read (or created) in this transaction; since then only the message trigger's inbound_count changed (not set here).
    created ? 'created' : 'read',
  );

  // An unassigned open thread of an auto-assigning team is routed now, with its team's queue.
  if (updated.assigneeId === null && updated.teamId !== null && updated.status === 'open') {
    routeTeamQueue(tx, emit, deps, updated.teamId, now);
    updated = statements(tx).threadById.get({ id: updated.id })!;
  }

  emit(
    { type: 'message.created', message: toMessage(row), thread: summarize(tx, updated, deps.now()) },
    roomsOf(updated),
    thread.id,
  );
  if (hooks.whileStoring && !surveyAnswer && !closingCourtesy) {
    try {
      hooks.whileStoring(tx, emit, { thread: updated, message: row, analysis });
    } catch (err) {
      console.error('[ingest] in-transaction hook failed (the message is stored):', err);
    }
  }
  return {
    status: 'stored',
    messageId: row.id,
    threadId: thread.id,
    customerId: identity.customerId,
    newEpisode: transition.startsEpisode,
    episodeId: episodeId ?? 0,
    surveyAnswer,
    closingCourtesy,
  };
}

/** The episode's sentiment arc: its first inbound score and its latest one. */
function recordEpisodeSentiment(tx: Tx, episodeId: number, score: number): void {
  ingestStatements(tx).episodeSentiment.run({ score, id: episodeId });
}

/**
 * Start a new episode for a thread (first message, or re-open after resolve) at `at` — for an
 * inbound message its effective time — but never before the previous episode was resolved.
 * `created`: the thread was inserted in this transaction, so it has no episode to look up.
 */
export function openEpisode(tx: Tx, thread: ThreadRow, at: number, created = false): number {
  const st = ingestStatements(tx);
  const last = created ? undefined : st.lastEpisode.get({ threadId: thread.id });
  const number = (last?.n ?? 0) + 1;
  const id = st.insertEpisode.get({
    threadId: thread.id,
    number,
    openedAt: Math.max(at, last?.resolvedAt ?? at),
    teamId: thread.teamId,
    assigneeId: thread.assigneeId,
  })!.id;
  recordEpisodeOpened(tx, thread.id, number);
  return id;
}
