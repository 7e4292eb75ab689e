/** Form parameters of a Twilio webhook; a repeated name arrives as an array. */
export type TwilioParams = Record<string, string | string[]>;

/** First non-empty value of a form parameter, tolerating repeated names and junk values. */
export function param(params: TwilioParams, key: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(params, key)) return undefined;
  const value: unknown = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.length > 0 ? first : undefined;
}

/**
 * Human reasons for the Twilio error codes a support agent is most likely to see on a failed
 * message. Unknown codes fall back to Twilio's own message or the bare code.
 * Source: https://www.twilio.com/docs/api/errors
 */
const TWILIO_ERRORS: Record<string, string> = {
  '21211': "invalid 'To' phone number",
  '21408': 'permission to send to this region is not enabled',
  '21610': 'recipient has opted out (replied STOP)',
  '21614': "'To' number is not a valid mobile number",
  '20429': 'too many requests to the Twilio API',
  '30003': 'unreachable destination handset',
  '30004': 'message blocked by the recipient or carrier',
  '30005': 'unknown destination handset',
  '30006': 'landline or unreachable carrier',
  '30007': 'message filtered by the carrier',
  '30008': 'unknown delivery error',
  '63003': 'the WhatsApp recipient could not be found',
  '63016':
    'outside the WhatsApp 24-hour customer-service window: a free-form reply is not allowed, send an approved template instead',
  '63024': 'invalid WhatsApp recipient',
};

/** Formats a Twilio error code as "code: reason" for the outbox and the delivery-status UI. */
export function describeTwilioError(code: string, providerMessage?: string): string {
  const known = TWILIO_ERRORS[code];
  if (known) return `${code}: ${known}`;
  return providerMessage ? `${code}: ${providerMessage}` : `Twilio error ${code}`;
}
