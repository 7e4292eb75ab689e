import { param, type TwilioParams } from './params';

/**
 * TwiML answers for Twilio's voice and messaging webhooks. Braid handles calls as voicemail:
 * the number's Voice URL points at /webhooks/twilio/voice, the caller is greeted and recorded,
 * and both the recording and the transcription come back to the same endpoint.
 */

/** An empty TwiML document (no auto-reply to an incoming message). */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** Ends the call after the recording. */
export const HANGUP_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

/** True for the first webhook of a call (ringing, nothing recorded or transcribed yet). */
export function isCallStart(params: TwilioParams): boolean {
  const noRecording =
    !param(params, 'RecordingSid') && !param(params, 'RecordingUrl') && !param(params, 'TranscriptionStatus');
  const status = param(params, 'CallStatus');
  return (
    noRecording &&
    Boolean(param(params, 'CallSid')) &&
    (status === undefined || status === 'ringing' || status === 'in-progress')
  );
}

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Greets the caller and records a voicemail with transcription, both called back on /webhooks/twilio/voice. */
export function voicemailGreeting(publicUrl: string): string {
  const callback = xmlAttr(`${publicUrl}/webhooks/twilio/voice`);
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Response>' +
    '<Say>Thanks for calling. Please leave a message after the tone, and we will get back to you.</Say>' +
    `<Record action="${callback}" method="POST" maxLength="300" playBeep="true" transcribe="true" transcribeCallback="${callback}"/>` +
    '</Response>'
  );
}
