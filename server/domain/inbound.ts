import type { ChannelKind } from '#shared/channels';

/** Attachment metadata as a channel adapter reports it (bytes are never stored inline). */
export interface InboundAttachment {
  kind: 'image' | 'audio' | 'video' | 'file' | 'location' | 'sticker' | 'contact';
  /** Where the provider says the media lives; fetching it must go through the SSRF guard. */
  url?: string;
  /** Provider-side media id (Meta media id, Telegram file_id, LINE message id). */
  providerMediaId?: string;
  mimeType?: string;
  name?: string;
  size?: number;
}

/** One inbound customer message, already verified and parsed by a channel adapter. */
export interface NormalizedInbound {
  channel: ChannelKind;
  /** Which provider carried it: 'api' | 'twilio' | 'meta' | 'telegram' | 'line' | 'smtp' | 'widget'. */
  transport: string;
  /** Provider's id for this message; (channel, providerMessageId) is unique. */
  providerMessageId: string;
  from: {
    /** Raw address as the provider gives it (phone, email, opaque id); ingest normalises it. */
    address: string;
    displayName?: string;
    /** Extra contact facts the payload carried, used to link identities (pre-chat email, shared contact). */
    email?: string;
    phone?: string;
    /**
     * The email/phone above are what the sender typed (pre-chat form, an integration's payload), not
     * proven by the provider: they never link to another customer on their own (see resolveIdentity).
     */
    claimed?: boolean;
  };
  /** Plain text of the message exactly as received (never re-encoded). */
  text: string;
  /** Sanitised HTML body (email only). */
  html?: string;
  subject?: string;
  attachments: InboundAttachment[];
  /** Provider's own timestamp in ms since epoch, when the payload has one. */
  providerTs: number | null;
  /** Channel-specific facts shown or used later (email Message-ID/References, reply-to ids, …). */
  meta?: Record<string, unknown>;
  /**
   * Routing facts the channel needs to reply (Telegram chat id, Messenger Page id …), declared by
   * the channel's adapter; stored on the message and on a new identity.
   */
  replyFacts?: Partial<Record<string, string | number>>;
}

/** Delivery-status callback for an outbound message, as reported by a provider. */
export interface NormalizedStatus {
  channel: ChannelKind;
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** Provider's reason when failed. */
  error?: string;
  /** Provider's timestamp of the status in ms, when given. */
  providerTs: number | null;
  /** Other channels a reply with this provider id may be stored on (a voicemail is answered by SMS). */
  alsoChannels?: ChannelKind[];
  /** The tag our send carried (see deliveryTag), echoed back by the provider: which attempt this is. */
  tag?: string;
}

/** What a webhook payload turned into: messages to ingest and statuses to apply. */
export interface ParsedWebhook {
  messages: NormalizedInbound[];
  statuses: NormalizedStatus[];
}

/**
 * The one instant an inbound message counts from — its sort key, the start of its episode and of
 * every wait it causes: the provider's timestamp, never later than the moment Braid received it. A
 * fast provider clock (an email `Date` five minutes ahead) is clamped to the receive time, so it
 * can never sort after anything Braid did in reaction to the message; a late redelivery keeps its
 * earlier provider time. Without a provider timestamp it is the receive time.
 */
export function effectiveInboundAt(providerTs: number | null, receivedAt: number): number {
  return providerTs === null ? receivedAt : Math.min(providerTs, receivedAt);
}
