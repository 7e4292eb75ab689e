/** Meta webhook bodies as Meta serialises them, for the channel tests and the outbox tests. */

/**
 * JSON the way Meta sends it: every non-ASCII UTF-16 unit escaped as \uXXXX (emoji as surrogate
 * pairs) and '/' as '\/'. The signature covers exactly these bytes.
 */
export function metaJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\//g, '\\/');
}

/** A WhatsApp Cloud API text message webhook. */
export function waText(o: {
  from: string;
  id: string;
  body: string;
  ts?: number;
  name?: string;
  phoneNumberId?: string;
}): unknown {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: o.phoneNumberId ?? '106540352242922' },
              contacts: [{ profile: { name: o.name ?? 'Customer' }, wa_id: o.from }],
              messages: [
                {
                  from: o.from,
                  id: o.id,
                  timestamp: String(Math.floor((o.ts ?? Date.now()) / 1000)),
                  type: 'text',
                  text: { body: o.body },
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

/** A WhatsApp Cloud API status webhook for one of our outbound messages. */
export function waStatus(
  id: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  ts = Date.now(),
  errorCode?: number,
): unknown {
  const s: Record<string, unknown> = {
    id,
    status,
    timestamp: String(Math.floor(ts / 1000)),
    recipient_id: '66812345678',
  };
  if (errorCode) s.errors = [{ code: errorCode, title: 'error', error_data: { details: 'Message failed.' } }];
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '1',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { phone_number_id: '106540352242922' }, statuses: [s] },
          },
        ],
      },
    ],
  };
}

/** A Messenger (page) or Instagram text message webhook. */
export function messagingText(
  object: 'page' | 'instagram',
  o: { sender: string; mid: string; text: string; ts?: number; recipient?: string },
): unknown {
  const recipient = o.recipient ?? (object === 'page' ? '107624754265390' : '17841405822304914');
  return {
    object,
    entry: [
      {
        id: recipient,
        time: Date.now(),
        messaging: [
          {
            sender: { id: o.sender },
            recipient: { id: recipient },
            timestamp: o.ts ?? Date.now(),
            message: { mid: o.mid, text: o.text },
          },
        ],
      },
    ],
  };
}
