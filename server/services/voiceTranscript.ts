import { eq } from 'drizzle-orm';
import { messages, threads } from '#server/db/schema';
import { activityOf, toActivityMessage, toMessage } from '#server/db/mappers';
import type { ServiceDeps } from './deps';
import type { IngestHooks } from './ingest';
import { withRevisedMessage } from '#server/domain/threadActivity';
import { roomsOf, summarize } from './threadQueries';
import { transact } from './tx';
import { reindexMessage } from '#server/db/searchIndex';
import { updateMessage, updateThread } from './rowUpdates';

/** What a later voicemail callback says about the recording (see providers/twilioVoice.ts). */
export interface VoiceUpdateInput {
  transcript: string | null;
  transcriptionStatus?: string;
  placeholder: boolean;
}

function storedUpdate(meta: Record<string, unknown>): { placeholder: boolean; transcriptionStatus?: string } {
  const v = meta.voiceUpdate as { placeholder?: unknown; transcriptionStatus?: unknown } | undefined;
  return {
    placeholder: v?.placeholder !== false,
    transcriptionStatus: typeof v?.transcriptionStatus === 'string' ? v.transcriptionStatus : undefined,
  };
}

/**
 * Merge a later transcription callback into the stored voicemail message: a transcript replaces
 * the placeholder text (and is re-analysed); a "transcription failed" note replaces a "pending"
 * one; a placeholder never overwrites a transcript. Returns true when the message changed.
 */
export function applyVoiceUpdate(
  deps: ServiceDeps,
  messageId: number,
  update: VoiceUpdateInput,
  placeholderText: string,
  hooks: IngestHooks = {},
): boolean {
  const analysis = update.transcript !== null ? (hooks.analyze?.(update.transcript) ?? null) : null;
  return transact(deps, (tx, emit) => {
    const msg = tx.select().from(messages).where(eq(messages.id, messageId)).get();
    if (!msg || msg.direction !== 'inbound') return false;
    const stored = storedUpdate(msg.meta);
    let text: string;
    if (update.transcript !== null) {
      if (!stored.placeholder && msg.text === update.transcript) return false;
      text = update.transcript;
    } else {
      // Only "pending" → "failed" is worth recording; a transcript is never replaced by a placeholder.
      const failedNow = update.transcriptionStatus === 'failed' && stored.transcriptionStatus !== 'failed';
      if (!stored.placeholder || !failedNow) return false;
      text = placeholderText;
    }
    const voiceUpdate = { ...(msg.meta.voiceUpdate as object | undefined), ...update };
    const updated = updateMessage(tx, msg.id, {
      text,
      meta: { ...msg.meta, voiceUpdate },
      ...(analysis
        ? {
            sentimentScore: analysis.score,
            sentimentLabel: analysis.label,
            sentimentConfidence: analysis.confidence,
            language: analysis.language,
          }
        : {}),
    });
    reindexMessage(tx, updated);
    const thread = tx.select().from(threads).where(eq(threads.id, msg.threadId)).get();
    if (!thread) return true;
    emit({ type: 'message.updated', message: toMessage(updated) }, roomsOf(thread), thread.id);
    const revised = withRevisedMessage(activityOf(thread), {
      ...toActivityMessage(updated),
      sentimentScore: analysis?.score ?? null,
      sentimentLabel: analysis?.label ?? null,
    });
    if (revised) {
      const row = updateThread(tx, thread.id, { ...revised, updatedAt: deps.now() });
      emit(
        { type: 'thread.updated', thread: summarize(tx, row, deps.now()), reason: 'transcript' },
        roomsOf(row),
        thread.id,
      );
    }
    return true;
  });
}
