import type { ChannelKind } from '#shared/channels';
import type { Config } from '#server/config';
import type { Db } from '#server/db/connection';
import type { MessageRow } from '#server/db/mappers';
import type { ParsedWebhook } from '#server/domain/inbound';
import type { ServiceDeps } from '#server/services/deps';
import type { IngestHooks } from '#server/services/ingest';
import type { CommitGroup } from '#server/services/commitGroup';
import type { OutboundJob, Reconciliation, SendResult } from '#server/services/outboundJob';
import type { OutboundFetch } from '#server/services/outboundFetch';
import type { Realtime } from '#server/realtime/socketServer';

export type { OutboundJob, Reconciliation, SendResult } from '#server/services/outboundJob';

/** Things adapters may use to deliver: configuration, database, an HTTP client, live widget sockets. */
export interface ChannelContext {
  config: Config;
  db: Db;
  /** The guarded outbound HTTP client (kit/guardedFetch.ts): the only way adapters reach the network. */
  fetch: OutboundFetch;
  now: () => number;
  /** Push a reply to a connected web-chat visitor (set by the widget namespace). */
  widgetDeliver?: (visitorId: string, message: MessageRow) => boolean;
  /** Send an email through the configured SMTP transport. */
  sendMail?: (mail: Record<string, unknown>) => Promise<{ messageId: string }>;
}

/** What webhooks and listeners need from the running app: services, settings, sockets. */
export interface ChannelHost {
  deps: ServiceDeps;
  config: Config;
  ingestHooks: IngestHooks;
  /** Webhook deliveries arriving together are committed in one transaction (services/commitGroup.ts). */
  commits: CommitGroup;
  realtime: Realtime;
  channelCtx: ChannelContext;
}

/**
 * The routing facts a channel stores on each inbound message (and on a new identity) and reads
 * back to answer: Telegram's chat id, the Page a Messenger user wrote to … Declared once per
 * channel as data, so the parser that writes them and the sender that reads them share one type.
 */
export interface ReplyFactsSpec<K extends string = string> {
  keys: readonly K[];
}

/** The facts of one spec as a parser writes them. */
export type ReplyFacts<S extends ReplyFactsSpec> = Partial<Record<S['keys'][number], string | number>>;

/** A webhook request after the raw bytes were captured (signatures are checked on them). */
export interface WebhookRequest {
  raw: Buffer;
  header(name: string): string | undefined;
  /** Path and query as the provider requested them (Twilio signs the full URL). */
  originalUrl: string;
  query: unknown;
}

/** The answer a provider expects (status, content type, body). */
export interface WebhookAnswer {
  status: number;
  type?: 'json' | 'text/plain' | 'text/xml';
  body?: unknown;
}

/** Why a request was refused before anything was stored: 401 unsigned, 403 badly signed. */
export interface WebhookRefusal {
  status: 401 | 403;
  reason: string;
}

/** One endpoint of a provider webhook: gate → raw bytes → verify → parse → store → answer. */
export interface WebhookRoute {
  method: 'GET' | 'POST';
  /** Path below the webhook's mount point ('/', '/status'). */
  path: string;
  /** The endpoint answers 404 (before reading the body) unless its settings are present. */
  enabled(config: Config): boolean;
  /** Null when the request provably comes from the provider. */
  verify(req: WebhookRequest, config: Config): WebhookRefusal | null;
  /** Turn verified bytes into what to store (null for handshakes) and the answer; throw HttpError(400) on bad shapes. */
  handle(req: WebhookRequest, config: Config): { parsed: ParsedWebhook | null; answer: WebhookAnswer };
}

/** A provider's webhook, mounted at /webhooks/<name>; channels of one provider share one object. */
export interface Webhook {
  /** URL segment and log name ('telegram', 'meta', 'twilio'). */
  name: string;
  /** Provider name people read ("the Telegram channel is not configured"). */
  label: string;
  routes: WebhookRoute[];
}

/** A long-running listener a channel starts with the app; resolves with its stop function. */
export type ChannelListener = (host: ChannelHost) => Promise<(() => Promise<void> | void) | null>;

/**
 * Everything Braid knows about one channel kind, as data: how it receives (webhook, listener),
 * how it sends, when it is on, the reply facts it keeps, and how to fetch its customers' media.
 */
export interface ChannelAdapter<S extends ReplyFactsSpec = ReplyFactsSpec> {
  kind: ChannelKind;
  /** True when replies can be sent (the channel's settings are present). */
  enabled(ctx: ChannelContext): boolean;
  /** Deliver a reply through the provider's real API. Must not throw for provider errors. */
  send(job: OutboundJob, ctx: ChannelContext): Promise<SendResult>;
  /**
   * After a crash interrupted a send (the answer was lost), ask the provider whether it went out.
   * Absent (or null) when the provider offers no way to tell, or its idempotency key makes a re-send safe.
   */
  reconcile?(job: OutboundJob, ctx: ChannelContext): Promise<Reconciliation | null>;
  /** The routing facts inbound messages carry for replies. */
  replyFacts: S;
  /** The provider webhooks inbound messages and statuses arrive on. */
  webhooks?: Webhook[];
  /** A listener started with the app (SMTP server, widget namespace). */
  listen?: ChannelListener;
  /** Credentials for fetching this provider's media URLs, or null when the URL is not theirs. */
  mediaHeaders?(url: URL, config: Config): Record<string, string> | null;
}

/** The registry: a kind without an adapter does not compile. */
export type ChannelRegistry = Record<ChannelKind, ChannelAdapter>;

/** Map an HTTP status from a provider to a send result when the body has no better reason. */
export function httpFailure(status: number, error: string, retryAfterMs?: number): SendResult {
  const retryable = status >= 500 || status === 429 || status === 408;
  return { ok: false, retryable, error: `${error} (HTTP ${status})`, retryAfterMs };
}
