import { formOf, requireHeader } from '#server/channels/kit/webhookKit';
import type { Config } from '#server/config';
import type { ParsedWebhook } from '#server/domain/inbound';
import type { Webhook, WebhookRoute } from '#server/channels/types';
import { parseTwilioMessaging, parseTwilioStatus, parseTwilioVoice, verifyTwilioSignature } from './parse';
import { EMPTY_TWIML, HANGUP_TWIML, isCallStart, voicemailGreeting } from './twiml';

/** True when Twilio webhooks can be verified: auth token, account and the public URL Twilio calls. */
function inboundOn(c: Config): boolean {
  return Boolean(c.TWILIO_AUTH_TOKEN && c.TWILIO_ACCOUNT_SID && c.PUBLIC_URL);
}

function publicBase(c: Config): string {
  return (c.PUBLIC_URL ?? '').replace(/\/+$/, '');
}

/** Verify X-Twilio-Signature over PUBLIC_URL + the original path and query + the decoded POST params. */
const verifyTwilio = requireHeader('x-twilio-signature', 'X-Twilio-Signature', (value, req, c) =>
  verifyTwilioSignature(c.TWILIO_AUTH_TOKEN ?? '', `${publicBase(c)}${req.originalUrl}`, formOf(req.raw), value),
);

/** A signed, form-encoded Twilio endpoint. */
function twilioRoute(path: string, handle: WebhookRoute['handle']): WebhookRoute {
  return { method: 'POST', path, enabled: inboundOn, verify: verifyTwilio, handle };
}

const twiml = (body: string) => ({ status: 200, type: 'text/xml' as const, body });

/** A voicemail is answered by SMS from the same number, so an SMS status may belong to a voice reply. */
function withVoiceFallback(parsed: ParsedWebhook): ParsedWebhook {
  const statuses = parsed.statuses.map((s) => (s.channel === 'sms' ? { ...s, alsoChannels: ['voice' as const] } : s));
  return { ...parsed, statuses };
}

/**
 * Twilio webhooks (form-encoded), shared by SMS, WhatsApp and voicemail: incoming messages,
 * message status callbacks, and the call itself, its <Record> action and the transcription.
 */
export const twilioWebhook: Webhook = {
  name: 'twilio',
  label: 'Twilio',
  routes: [
    twilioRoute('/', (req) => ({ parsed: parseTwilioMessaging(formOf(req.raw)), answer: twiml(EMPTY_TWIML) })),
    twilioRoute('/status', (req) => ({
      parsed: withVoiceFallback(parseTwilioStatus(formOf(req.raw))),
      answer: { status: 204 },
    })),
    twilioRoute('/voice', (req, c) => {
      const params = formOf(req.raw);
      // The call itself (no recording yet): greet the caller and record a voicemail.
      if (isCallStart(params)) return { parsed: null, answer: twiml(voicemailGreeting(publicBase(c))) };
      return { parsed: parseTwilioVoice(params), answer: twiml(HANGUP_TWIML) };
    }),
  ],
};

/** Twilio's media URLs need the account's Basic credentials. */
export function twilioMediaHeaders(url: URL, config: Config): Record<string, string> | null {
  if (url.hostname !== 'api.twilio.com' || !config.TWILIO_ACCOUNT_SID || !config.TWILIO_AUTH_TOKEN) return null;
  const basic = Buffer.from(`${config.TWILIO_ACCOUNT_SID}:${config.TWILIO_AUTH_TOKEN}`).toString('base64');
  return { authorization: `Basic ${basic}` };
}
