import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS } from '#shared/channels';
import { createChannelRegistry } from '#server/channels/registry';
import { webhooksOf } from '#server/channels/webhooks';
import { loadConfig } from '#server/config';

describe('channel registry', () => {
  const registry = createChannelRegistry();

  it('has one adapter per kind, each registered under its own kind', () => {
    for (const kind of CHANNEL_KINDS) expect(registry[kind].kind).toBe(kind);
  });

  it('mounts each provider webhook once, however many channels share it', () => {
    const hooks = webhooksOf(registry);
    expect(hooks.map((h) => h.name).sort()).toEqual(['line', 'meta', 'telegram', 'twilio']);
    expect(registry.whatsapp.webhooks?.map((h) => h.name)).toEqual(['twilio', 'meta']);
    expect(registry.sms.webhooks?.[0]).toBe(registry.voice.webhooks?.[0]);
  });

  it('asks the adapter whose provider serves a media URL for its credentials', () => {
    const config = loadConfig({ TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', META_ACCESS_TOKEN: 'EAA' });
    const twilio = new URL('https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1');
    const meta = new URL('https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1');
    expect(registry.sms.mediaHeaders?.(twilio, config)).toEqual({
      authorization: `Basic ${Buffer.from('AC1:t').toString('base64')}`,
    });
    expect(registry.sms.mediaHeaders?.(meta, config)).toBeNull();
    expect(registry.whatsapp.mediaHeaders?.(meta, config)).toEqual({ authorization: 'Bearer EAA' });
    expect(registry.telegram.mediaHeaders).toBeUndefined();
  });
});
