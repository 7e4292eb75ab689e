import { createHmac } from 'node:crypto';
import { LANGS, inboundText, type Lang } from './texts';

/** App secret both servers verify X-Hub-Signature-256 with (HMAC-SHA256 over the raw body). */
export const META_SECRET = 'bench-meta-app-secret';

// Mobile number shapes per language (libphonenumber accepts them), so Braid resolves real customers.
const PREFIX: Record<Lang, string> = { th: '6681', zh: '86138', pl: '4851', en: '447700' };
const DIGITS: Record<Lang, number> = { th: 11, zh: 13, pl: 11, en: 12 };

/** The i-th (i < 1,000,000) phone number of a language, without '+' (WhatsApp's wa_id form). */
export function phoneOf(lang: Lang, i: number): string {
  return PREFIX[lang] + String(i).padStart(DIGITS[lang] - PREFIX[lang].length, '0');
}

/** The text marker a delivered message carries, so sockets can match it to its send. */
export const MARK = /^#(\d+)#/;

/**
 * A WhatsApp Cloud API webhook (Meta's real envelope) for message `seq` from one of `customers`
 * customers, with its signature header. `nonce` keeps provider ids unique across runs.
 */
export function metaWebhook(
  seq: number,
  customers: number,
  nonce: string,
): { body: string; headers: Record<string, string> } {
  const c = seq % customers;
  const lang = LANGS[c % LANGS.length];
  const from = phoneOf(lang, 900_000 + c);
  const { text } = inboundText(lang, seq);
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              contacts: [{ profile: { name: `Bench ${c}` }, wa_id: from }],
              messages: [
                {
                  from,
                  id: `wamid.bench.${nonce}.${seq}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type: 'text',
                  text: { body: `#${seq}# ${text}` },
                },
              ],
            },
          },
        ],
      },
    ],
  });
  const signature = createHmac('sha256', META_SECRET).update(body).digest('hex');
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
  };
}
