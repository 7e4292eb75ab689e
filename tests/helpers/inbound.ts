import type { ChannelKind } from '#shared/channels';
import type { NormalizedInbound } from '#server/domain/inbound';

let n = 0;

/** Build a normalised inbound message for tests (unique provider id unless given). */
export function inbound(
  channel: ChannelKind,
  address: string,
  text: string,
  extra: Partial<NormalizedInbound> = {},
): NormalizedInbound {
  return {
    channel,
    transport: 'test',
    providerMessageId: `test-${process.pid}-${++n}`,
    from: { address },
    text,
    attachments: [],
    providerTs: null,
    ...extra,
  };
}
