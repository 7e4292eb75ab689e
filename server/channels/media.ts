import type { Config } from '#server/config';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { inboundAttachment } from '#server/services/inboundMedia';
import { safeFetch, type SafeFetchResult } from './kit/safeFetch';
import { allowedPrivate } from './kit/guardedFetch';
import type { ChannelRegistry } from './types';

/** Largest customer file Braid will fetch for an agent. */
export const MAX_MEDIA_BYTES = 25 * 1024 * 1024;

/** The credentials the URL's provider wants (Twilio Basic auth, Meta bearer token), asked of each adapter. */
function providerHeaders(registry: ChannelRegistry, url: URL, config: Config): Record<string, string> {
  for (const adapter of Object.values(registry)) {
    const headers = adapter.mediaHeaders?.(url, config);
    if (headers) return headers;
  }
  return {};
}

/**
 * Fetch an inbound message's attachment for an agent who may see the thread. The URL came
 * from a customer's payload, so the fetch refuses internal addresses (also after redirects),
 * is size-limited and times out; credentials never follow a redirect to another host.
 */
export async function fetchInboundMedia(
  db: Db,
  config: Config,
  registry: ChannelRegistry,
  viewer: Viewer,
  messageId: number,
  index: number,
  allowHosts?: (host: string) => boolean,
): Promise<SafeFetchResult & { name: string | null }> {
  const att = inboundAttachment(db, viewer, messageId, index);
  const result = await safeFetch(att.url.href, {
    maxBytes: MAX_MEDIA_BYTES,
    timeoutMs: 20_000,
    maxRedirects: 3,
    headers: providerHeaders(registry, att.url, config),
    allowHosts,
    allowAddress: allowedPrivate(config),
  });
  return { ...result, name: att.name };
}
