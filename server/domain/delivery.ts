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
