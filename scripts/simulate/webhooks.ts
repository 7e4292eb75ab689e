import { createHmac } from 'node:crypto';
import { computeTwilioSignature } from '#server/channels/twilio/parse';
import type { Persona } from './personas';

/**
 * Provider webhook requests exactly as the providers send them — form-encoded Twilio callbacks,
 * Meta JSON with escaped unicode, Telegram Updates, LINE event batches — signed with the secrets
 * Braid was started with. A Delivery is plain data, so a "provider retry" resends identical bytes.
 */

/** One signed webhook request. */
export interface Delivery {
  path: string;
  headers: Record<string, string>;
  body: string;
}

type Env = Record<string, string>;

/** Twilio: form body signed over PUBLIC_URL + path + sorted params. */
export function twilioDelivery(env: Env, path: string, params: Record<string, string>): Delivery {
  const signature = computeTwilioSignature(env.TWILIO_AUTH_TOKEN, `${env.PUBLIC_URL}${path}`, params);
  return {
    path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
      'i-twilio-idempotency-token': crypto.randomUUID(),
    },
    body: new URLSearchParams(params).toString(),
  };
}

/** An incoming SMS or WhatsApp message through Twilio. */
export function twilioMessage(env: Env, p: Persona, sid: string, text: string, whatsapp: boolean): Delivery {
  const pre = whatsapp ? 'whatsapp:' : '';
  const params: Record<string, string> = {
    AccountSid: env.TWILIO_ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    MessageSid: sid,
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: 'received',
    From: `${pre}${p.phone}`,
    To: `${pre}${whatsapp ? env.TWILIO_WHATSAPP_FROM : env.TWILIO_FROM_NUMBER}`,
    Body: text,
    NumMedia: '0',
    NumSegments: '1',
  };
  if (whatsapp) Object.assign(params, { ProfileName: p.name, WaId: p.phone.slice(1), MessageType: 'text' });
  return twilioDelivery(env, '/webhooks/twilio', params);
}

/** A voicemail: the <Record> action callback, or (with a transcript) the transcription callback. */
export function twilioVoicemail(
  env: Env,
  p: Persona,
  recordingSid: string,
  callSid: string,
  seconds: number,
  transcript?: string,
): Delivery {
  const url = `https://api.twilio.com/2010-04-01/Accounts/${env.TWILIO_ACCOUNT_SID}/Recordings/${recordingSid}`;
  const params: Record<string, string> = {
    AccountSid: env.TWILIO_ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    CallSid: callSid,
    CallStatus: 'completed',
    Direction: 'inbound',
    From: p.phone,
    Caller: p.phone,
    To: env.TWILIO_FROM_NUMBER,
    Called: env.TWILIO_FROM_NUMBER,
    RecordingSid: recordingSid,
    RecordingUrl: url,
  };
  if (transcript === undefined) Object.assign(params, { RecordingDuration: String(seconds), Digits: 'hangup' });
  else
    Object.assign(params, {
      TranscriptionSid: `TR${recordingSid.slice(2)}`,
      TranscriptionStatus: 'completed',
      TranscriptionText: transcript,
      TranscriptionType: 'fast',
    });
  return twilioDelivery(env, '/webhooks/twilio/voice', params);
}

/** JSON the way Meta serialises it: non-ASCII as \uXXXX, '/' as '\/'. */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}

/** Any Meta webhook body, signed with X-Hub-Signature-256 over its exact bytes. */
export function metaDelivery(env: Env, payload: unknown): Delivery {
  const body = metaJson(payload);
  const signature = `sha256=${createHmac('sha256', env.META_APP_SECRET).update(body).digest('hex')}`;
  return {
    path: '/webhooks/meta',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  };
}

/** A WhatsApp Cloud API text message. */
export function whatsappCloud(env: Env, p: Persona, id: string, text: string, ts: number): Delivery {
  const waId = p.phone.slice(1);
  return metaDelivery(env, {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: env.TWILIO_WHATSAPP_FROM.slice(1),
                phone_number_id: env.META_PHONE_NUMBER_ID,
              },
              contacts: [{ profile: { name: p.name }, wa_id: waId }],
              messages: [
                { from: waId, id, timestamp: String(Math.floor(ts / 1000)), type: 'text', text: { body: text } },
              ],
            },
          },
        ],
      },
    ],
  });
}

/** A Messenger ('page') or Instagram message. */
export function metaMessaging(
  env: Env,
  object: 'page' | 'instagram',
  p: Persona,
  mid: string,
  text: string,
  ts: number,
): Delivery {
  const sender = object === 'page' ? p.ids.messenger : p.ids.instagram;
  const recipient = object === 'page' ? '107624754265390' : '17841405822304914';
  return metaDelivery(env, {
    object,
    entry: [
      {
        id: recipient,
        time: ts,
        messaging: [{ sender: { id: sender }, recipient: { id: recipient }, timestamp: ts, message: { mid, text } }],
      },
    ],
  });
}

/** A Telegram Update for a private chat. */
export function telegramUpdate(
  env: Env,
  p: Persona,
  updateId: number,
  messageId: number,
  text: string,
  ts: number,
): Delivery {
  const [first, ...rest] = p.name.split(' ');
  const from = {
    id: p.ids.telegram,
    is_bot: false,
    first_name: first,
    ...(rest.length ? { last_name: rest.join(' ') } : {}),
    language_code: p.lang,
  };
  const body = JSON.stringify({
    update_id: updateId,
    message: { message_id: messageId, from, chat: { ...from, type: 'private' }, date: Math.floor(ts / 1000), text },
  });
  return {
    path: '/webhooks/telegram',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': env.TELEGRAM_SECRET_TOKEN },
    body,
  };
}

/** A LINE webhook batch with one text message event. */
export function lineEvent(env: Env, p: Persona, id: string, text: string, ts: number, redelivery = false): Delivery {
  const body = JSON.stringify({
    destination: 'U5157a70700000000000000000000000a',
    events: [
      {
        type: 'message',
        mode: 'active',
        timestamp: ts,
        webhookEventId: `01J${id}`,
        deliveryContext: { isRedelivery: redelivery },
        source: { type: 'user', userId: p.ids.line },
        replyToken: crypto.randomUUID().replace(/-/g, ''),
        message: { type: 'text', id, quoteToken: 'q', text },
      },
    ],
  });
  const signature = createHmac('sha256', env.LINE_CHANNEL_SECRET).update(body).digest('base64');
  return {
    path: '/webhooks/line',
    headers: { 'content-type': 'application/json', 'x-line-signature': signature },
    body,
  };
}

/** Send a delivery to Braid; resolves with the HTTP status (0 when Braid is unreachable). */
export async function post(braidUrl: string, d: Delivery): Promise<number> {
  try {
    const res = await fetch(`${braidUrl}${d.path}`, {
      method: 'POST',
      headers: d.headers,
      body: d.body,
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
