import { Router, type Request, type Response } from 'express';
import {
  parseTwilioMessaging,
  parseTwilioStatus,
  parseTwilioVoice,
  verifyTwilioSignature,
} from '#server/channels/twilio/parse';
import type { TwilioParams } from '#server/channels/twilio/parse';
import { isCallStart, voicemailGreeting, EMPTY_TWIML, HANGUP_TWIML } from '#server/channels/twilio/twiml';
import type { ParsedWebhook } from '#server/domain/inbound';
import type { AppContext } from '#server/http/context';
import { bodyBytes, channelGate, formOf, rawBody, refuse, storeParsed } from '#server/channels/kit/webhookKit';

/** True when Twilio webhooks can be verified: auth token, account and the public URL Twilio calls. */
export function twilioInboundOn(ctx: AppContext): boolean {
  const c = ctx.config;
  return Boolean(c.TWILIO_AUTH_TOKEN && c.TWILIO_ACCOUNT_SID && c.PUBLIC_URL);
}

/** The exact URL Twilio requested (PUBLIC_URL + original path and query), which its signature covers. */
function signedUrl(ctx: AppContext, req: Request): string {
  return `${(ctx.config.PUBLIC_URL ?? '').replace(/\/+$/, '')}${req.originalUrl}`;
}

function sendTwiml(res: Response, twiml: string): void {
  res.status(200).type('text/xml').send(twiml);
}

/**
 * Twilio webhooks (form-encoded): incoming SMS/WhatsApp messages, message status callbacks and
 * voicemail (the call itself, the <Record> action and the transcription callback).
 */
export function twilioRoutes(ctx: AppContext): Router {
  const r = Router();
  r.use(
    channelGate('Twilio', () => twilioInboundOn(ctx)),
    rawBody(ctx),
  );

  /** Verify X-Twilio-Signature over PUBLIC_URL + path + the decoded POST params; null when refused. */
  const verified = (req: Request, res: Response): TwilioParams | null => {
    const params = formOf(bodyBytes(req));
    const header = req.get('x-twilio-signature');
    if (!header) {
      refuse(req, res, 'twilio', 401, 'missing X-Twilio-Signature');
      return null;
    }
    if (!verifyTwilioSignature(ctx.config.TWILIO_AUTH_TOKEN ?? '', signedUrl(ctx, req), params, header)) {
      refuse(req, res, 'twilio', 403, 'invalid X-Twilio-Signature');
      return null;
    }
    return params;
  };

  const store = (parsed: ParsedWebhook) => storeParsed(ctx, 'twilio', parsed);

  r.post('/', (req, res) => {
    const params = verified(req, res);
    if (!params) return;
    store(parseTwilioMessaging(params));
    sendTwiml(res, EMPTY_TWIML);
  });

  r.post('/status', (req, res) => {
    const params = verified(req, res);
    if (!params) return;
    store(parseTwilioStatus(params));
    res.status(204).end();
  });

  r.post('/voice', (req, res) => {
    const params = verified(req, res);
    if (!params) return;
    // The call itself (no recording yet): greet the caller and record a voicemail.
    if (isCallStart(params)) return sendTwiml(res, voicemailGreeting(`${ctx.config.PUBLIC_URL}`.replace(/\/+$/, '')));
    store(parseTwilioVoice(params));
    sendTwiml(res, HANGUP_TWIML);
  });
  return r;
}
