import type { NormalizedInbound, NormalizedStatus, ParsedWebhook } from '#server/domain/inbound';
import type { ServiceDeps } from './deps';
import { applyDeliveryStatus, settleTaggedAttempt } from './deliveryStatus';
import { ingestInbound, type IngestHooks } from './ingest';
import { applyVoiceUpdate, type VoiceUpdateInput } from './voiceTranscript';
import { InvalidAddressError } from '#server/errors';

/** What happened to one webhook delivery, for the route's answer and the log. */
export interface WebhookOutcome {
  stored: number;
  duplicates: number;
  /** Existing messages changed by a follow-up (voicemail transcripts). */
  updated: number;
  statuses: number;
  /** Messages that could not be stored because the sender address is unusable. */
  rejected: string[];
}

function voiceUpdateOf(m: NormalizedInbound): VoiceUpdateInput | null {
  const v = m.meta?.voiceUpdate as Partial<VoiceUpdateInput> | undefined;
  if (!v || typeof v !== 'object') return null;
  return {
    transcript: typeof v.transcript === 'string' ? v.transcript : null,
    transcriptionStatus: typeof v.transcriptionStatus === 'string' ? v.transcriptionStatus : undefined,
    placeholder: v.placeholder !== false,
  };
}

/**
 * Store everything a verified webhook carried: each message through the ingest (its own
 * transaction, so a redelivery dedupes), voicemail transcripts merged into the stored message,
 * and delivery statuses applied with precedence. Unusable sender addresses are skipped and reported.
 */
export function ingestWebhook(deps: ServiceDeps, parsed: ParsedWebhook, hooks: IngestHooks): WebhookOutcome {
  const out: WebhookOutcome = { stored: 0, duplicates: 0, updated: 0, statuses: 0, rejected: [] };
  for (const m of parsed.messages) {
    let result;
    try {
      result = ingestInbound(deps, m, hooks);
    } catch (err) {
      if (!(err instanceof InvalidAddressError)) throw err;
      out.rejected.push(`${m.channel} ${m.providerMessageId}: ${err.message}`);
      continue;
    }
    if (result.status === 'stored') {
      out.stored++;
      continue;
    }
    out.duplicates++;
    const voice = voiceUpdateOf(m);
    if (voice && applyVoiceUpdate(deps, result.messageId, voice, m.text, hooks)) out.updated++;
  }
  for (const s of parsed.statuses) if (applyStatus(deps, s)) out.statuses++;
  return out;
}

/** Apply one status callback to the reply on its channel, else on the channels the provider named as alternatives. */
function applyStatus(deps: ServiceDeps, s: NormalizedStatus): boolean {
  if (s.tag) settleTaggedAttempt(deps, s);
  if (applyDeliveryStatus(deps, s)) return true;
  return (s.alsoChannels ?? []).some((channel) => applyDeliveryStatus(deps, { ...s, channel }));
}
