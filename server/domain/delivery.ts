import type { DeliveryStatus } from '#shared/schemas/common';

const RANK: Record<DeliveryStatus, number> = { queued: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/**
 * Apply a provider status callback to the stored status, respecting precedence:
 * queued < sent < delivered < read; a late "sent" never overwrites "read".
 * "failed" wins over queued/sent but not over delivered/read (a message the customer read
 * was delivered, whatever a confused later callback says). Returns null when unchanged.
 */
export function nextDeliveryStatus(current: DeliveryStatus | null, incoming: DeliveryStatus): DeliveryStatus | null {
  if (current === null) return incoming;
  if (current === incoming) return null;
  if (incoming === 'failed') return current === 'delivered' || current === 'read' ? null : 'failed';
  if (current === 'failed') return RANK[incoming] >= RANK.delivered ? incoming : null;
  return RANK[incoming] > RANK[current] ? incoming : null;
}

const TAG_PREFIX = 'braid-outbox:';

/**
 * The tag a provider send carries and echoes back (WhatsApp `biz_opaque_callback_data` on status
 * webhooks, Messenger/Instagram `metadata` on message echoes): the delivery attempt's outbox id.
 */
export function deliveryTag(outboxId: number): string {
  return `${TAG_PREFIX}${outboxId}`;
}

/** The outbox id a provider echoed back in a tag, or null for anything else (another app's tag). */
export function outboxIdOfTag(tag: string | undefined | null): number | null {
  if (!tag?.startsWith(TAG_PREFIX)) return null;
  const id = Number(tag.slice(TAG_PREFIX.length));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
