import type { NormalizedInbound, ParsedWebhook } from '#server/domain/inbound';
import { compact, isRecord, num } from '#server/channels/kit/fields';
import { param, type TwilioParams } from './params';

/**
 * Twilio voicemail: the <Record> `action` callback (RecordingSid/RecordingUrl/RecordingDuration
 * plus the standard call parameters From/Caller/CallSid) and the `transcribeCallback`
 * (TranscriptionText/TranscriptionStatus for the same RecordingSid) both map to ONE message.
 *
 * Policy: providerMessageId is the RecordingSid, so whichever callback arrives first creates the
 * message and the other is a duplicate for the ingest's (channel, providerMessageId) dedupe. The
 * transcription callback sets `meta.voiceUpdate.transcript`; the ingest must treat a duplicate
 * whose voiceUpdate carries a transcript as "replace this message's text with the transcript"
 * (a duplicate recording callback, whose transcript is null, must never overwrite a transcript).
 */

/** What the ingest needs to merge a later transcription into the voicemail message. */
export interface VoiceUpdate {
  /** The providerMessageId both callbacks share (RecordingSid). */
  key: string;
  /** Transcript text when this callback carries one, else null. */
  transcript: string | null;
  /** Twilio's TranscriptionStatus (completed | failed) when present. */
  transcriptionStatus?: string;
  /** True when `text` is Braid's placeholder rather than the customer's words. */
  placeholder: boolean;
}

const RECORDING_SID = /\b(RE[0-9a-fA-F]{32})\b/;

/** Formats seconds as m:ss for the placeholder text. */
function clock(seconds: number | undefined): string {
  if (seconds === undefined || seconds < 0) return '';
  const s = Math.round(seconds);
  return ` (${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')})`;
}

function recordingSidOf(params: TwilioParams): string | undefined {
  const explicit = param(params, 'RecordingSid');
  if (explicit) return explicit;
  // RecordingUrl ends in /Recordings/RE…; older <Record> action callbacks only send the URL.
  return param(params, 'RecordingUrl')?.match(RECORDING_SID)?.[1];
}

/**
 * Parses a Twilio recording or transcription callback into a 'voice' message whose text is the
 * transcript, or a clear placeholder until one exists, with the recording as an audio attachment.
 * Callbacks without a caller (e.g. recordingStatusCallback, which has no From) yield nothing.
 */
export function parseTwilioVoice(params: TwilioParams): ParsedWebhook {
  const empty: ParsedWebhook = { messages: [], statuses: [] };
  if (!isRecord(params)) return empty;
  const caller = param(params, 'From') ?? param(params, 'Caller');
  const callSid = param(params, 'CallSid');
  const recordingSid = recordingSidOf(params);
  const key = recordingSid ?? (callSid ? `call:${callSid}` : undefined);
  if (!caller || !key) return empty;
  if (param(params, 'RecordingStatus') === 'absent') return empty;

  const recordingUrl = param(params, 'RecordingUrl');
  const duration = num(param(params, 'RecordingDuration') ?? param(params, 'Duration'));
  const transcriptionStatus = param(params, 'TranscriptionStatus');
  const rawTranscript = params.TranscriptionText;
  const transcriptValue = Array.isArray(rawTranscript) ? rawTranscript[0] : rawTranscript;
  const transcript =
    typeof transcriptValue === 'string' && transcriptValue.trim() !== '' && transcriptionStatus !== 'failed'
      ? transcriptValue
      : null;

  let text: string;
  if (transcript !== null) text = transcript;
  else if (transcriptionStatus === 'failed')
    text = `Voicemail${clock(duration)}: transcription failed, listen to the recording.`;
  else text = `Voicemail${clock(duration)}: transcript pending.`;

  const voiceUpdate: VoiceUpdate = { key, transcript, placeholder: transcript === null };
  if (transcriptionStatus) voiceUpdate.transcriptionStatus = transcriptionStatus;
  const startedAt = Date.parse(param(params, 'RecordingStartTime') ?? '');

  const message: NormalizedInbound = {
    channel: 'voice',
    transport: 'twilio',
    providerMessageId: key,
    from: {
      address: caller,
      displayName: param(params, 'CallerName'),
      phone: caller.startsWith('+') ? caller : undefined,
    },
    text,
    attachments: recordingUrl
      ? [{ kind: 'audio', url: recordingUrl, providerMediaId: recordingSid, name: `voicemail-${key}` }]
      : [],
    providerTs: Number.isFinite(startedAt) ? startedAt : null,
    meta: compact({
      callSid,
      to: param(params, 'To') ?? param(params, 'Called'),
      durationSec: duration,
      transcriptionSid: param(params, 'TranscriptionSid'),
      voiceUpdate,
    }),
  };
  return { messages: [message], statuses: [] };
}
