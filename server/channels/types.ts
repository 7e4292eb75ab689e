import type { ChannelKind } from '#shared/channels';
import type { Config } from '#server/config';
import type { Db } from '#server/db/connection';
import type { CustomerRow, IdentityRow, MessageRow } from '#server/db/mappers';

/** One reply the outbox asks an adapter to deliver. */
export interface OutboundJob {
  outboxId: number;
  attempt: number;
  message: MessageRow;
  identity: IdentityRow;
  customer: CustomerRow;
  /** Earlier messages of the thread on the same identity, newest first (email threading). */
  history: MessageRow[];
}

/** What a provider said about a send attempt. */
export type SendResult =
  | { ok: true; providerMessageId: string | null; meta?: Record<string, unknown> }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

/** Things adapters may use to deliver: configuration, database, an HTTP client, live widget sockets. */
export interface ChannelContext {
  config: Config;
  db: Db;
  fetch: typeof fetch;
  now: () => number;
  /** Push a reply to a connected web-chat visitor (set by the widget namespace). */
  widgetDeliver?: (visitorId: string, message: MessageRow) => boolean;
  /** Send an email through the configured SMTP transport. */
  sendMail?: (mail: Record<string, unknown>) => Promise<{ messageId: string }>;
}

/** Everything Braid knows about one channel kind: whether it is on, and how to send on it. */
export interface ChannelAdapter {
  kind: ChannelKind;
  /** True when the channel's settings are present. */
  enabled(ctx: ChannelContext): boolean;
  /** Deliver a reply through the provider's real API. Must not throw for provider errors. */
  send(job: OutboundJob, ctx: ChannelContext): Promise<SendResult>;
}

/** The registry: a kind without an adapter does not compile. */
export type ChannelRegistry = Record<ChannelKind, ChannelAdapter>;

/** Map an HTTP status from a provider to a send result when the body has no better reason. */
export function httpFailure(status: number, error: string, retryAfterMs?: number): SendResult {
  const retryable = status >= 500 || status === 429 || status === 408;
  return { ok: false, retryable, error: `${error} (HTTP ${status})`, retryAfterMs };
}
