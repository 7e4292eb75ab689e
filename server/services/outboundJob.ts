import type { CustomerRow, IdentityRow, MessageRow } from '#server/db/mappers';

/**
 * The outbox's port to the channels: services define what a delivery job is and what a send
 * answers; the channel registry implements `SendJob`. Services never import channels.
 */

/** One reply the outbox asks a channel to deliver. */
export interface OutboundJob {
  outboxId: number;
  attempt: number;
  message: MessageRow;
  identity: IdentityRow;
  customer: CustomerRow;
  /** Earlier messages of the thread on the same identity, newest first (email threading, reply facts). */
  history: MessageRow[];
  /** When the current provider call started (for an attempt in doubt: when the interrupted one started). */
  attemptStartedAt: number;
}

/** What a provider said about a send attempt. */
export type SendResult =
  | { ok: true; providerMessageId: string | null; meta?: Record<string, unknown> }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

/** Delivers one job through the channel of its identity (never throws for provider errors). */
export type SendJob = (job: OutboundJob) => Promise<SendResult>;

/**
 * What a provider can tell about an attempt whose answer was lost because Braid stopped during the
 * call: it went out (record it, never send again), it did not (send now), or ask again later.
 */
export type Reconciliation = { found: true; providerMessageId: string } | { found: false } | { askAgainAt: number };

/** Asks the provider about an interrupted attempt; null when the provider offers no way to tell. */
export type ReconcileJob = (job: OutboundJob) => Promise<Reconciliation | null>;
