// The HTTP client the outbound senders are handed (channel adapters, the webhook worker). Declared
// here, below both, so services do not import from channels/; channels/kit/guardedFetch.ts builds it.

/** One outbound request: a provider API call or an API-key callback. */
export interface OutboundInit {
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
  /** Deadline for connecting, sending and reading the whole answer. */
  timeoutMs: number;
}

/** The one HTTP client adapters are given; answers a standard Response or throws OutboundUnreachable. */
export type OutboundFetch = (url: string, init: OutboundInit) => Promise<Response>;
