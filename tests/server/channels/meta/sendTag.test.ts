import { describe, expect, it } from 'vitest';
import { parseMetaWebhook } from '#server/channels/meta/parse';
import { buildMetaSend } from '#server/channels/meta/send';
import { deliveryTag, outboxIdOfTag } from '#server/domain/delivery';

const cfg = { graphBase: 'https://graph.facebook.com', accessToken: 't', phoneNumberId: '1065', pageId: '42' };

describe('Meta sends carry the delivery attempt, and Meta gives it back', () => {
  it('tags WhatsApp sends with biz_opaque_callback_data and Messenger/Instagram sends with metadata', () => {
    const tag = deliveryTag(17);
    expect(outboxIdOfTag(tag)).toBe(17);
    expect(outboxIdOfTag('someone-else:17')).toBeNull();
    const wa = JSON.parse(buildMetaSend(cfg, { channel: 'whatsapp', to: '+48512345678', text: 'hi', tag }).body!);
    expect(wa.biz_opaque_callback_data).toBe('braid-outbox:17');
    const fb = JSON.parse(buildMetaSend(cfg, { channel: 'messenger', to: 'PSID', text: 'hi', tag }).body!);
    expect(fb.message).toEqual({ text: 'hi', metadata: 'braid-outbox:17' });
  });

  it('reads the tag back from a WhatsApp status and from a Messenger message echo', () => {
    const wa = parseMetaWebhook({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'W',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: '1065' },
                statuses: [
                  {
                    id: 'wamid.X',
                    status: 'sent',
                    timestamp: '1700000000',
                    biz_opaque_callback_data: 'braid-outbox:5',
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(wa.statuses).toEqual([
      {
        channel: 'whatsapp',
        providerMessageId: 'wamid.X',
        status: 'sent',
        providerTs: 1_700_000_000_000,
        tag: 'braid-outbox:5',
      },
    ]);
    const fb = parseMetaWebhook({
      object: 'page',
      entry: [
        {
          id: '42',
          time: 1,
          messaging: [
            {
              sender: { id: '42' },
              recipient: { id: 'PSID' },
              timestamp: 1_700_000_000_000,
              message: { is_echo: true, app_id: 1, metadata: 'braid-outbox:6', mid: 'm_1', text: 'hi' },
            },
          ],
        },
      ],
    });
    expect(fb.messages).toEqual([]); // our own echo is not an inbound message
    expect(fb.statuses).toEqual([
      {
        channel: 'messenger',
        providerMessageId: 'm_1',
        status: 'sent',
        providerTs: 1_700_000_000_000,
        tag: 'braid-outbox:6',
      },
    ]);
  });
});
