import { eq } from 'drizzle-orm';
import { messages } from '#server/db/schema';
import type { Config } from '#server/config';
import type { Db } from '#server/db/connection';
import type { Viewer } from '#server/domain/access';
import { safeFetch, type SafeFetchResult } from '#server/channels/kit/safeFetch';
import { getThreadRow, requireAccess } from './threadQueries';
import { NotFoundError } from '#server/errors';

/** Largest customer file Braid will fetch for an agent. */
export const MAX_MEDIA_BYTES = 25 * 1024 * 1024;

/** Provider credentials some media URLs need (Twilio Basic auth, Meta bearer token). */
function providerHeaders(url: URL, config: Config): Record<string, string> {
  if (url.hostname === 'api.twilio.com' && config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN) {
    return {
      authorization: `Basic ${Buffer.from(`${config.TWILIO_ACCOUNT_SID}:${config.TWILIO_AUTH_TOKEN}`).toString('base64')}`,
    };
  }
  if (/(^|\.)(fbsbx\.com|facebook\.com|fbcdn\.net)$/.test(url.hostname) && config.META_ACCESS_TOKEN) {
    return { authorization: `Bearer ${config.META_ACCESS_TOKEN}` };
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
  viewer: Viewer,
  messageId: number,
  index: number,
  allowHosts?: (host: string) => boolean,
): Promise<SafeFetchResult & { name: string | null }> {
  const msg = db.select().from(messages).where(eq(messages.id, messageId)).get();
  if (!msg || msg.direction !== 'inbound') throw new NotFoundError('no such customer message');
  requireAccess(viewer, getThreadRow(db, msg.threadId));
  const att = (msg.attachments as Array<{ url?: string; name?: string }>)[index];
  if (!att?.url) throw new NotFoundError('this attachment has no downloadable file');
  const url = new URL(att.url);
  const result = await safeFetch(url.href, {
    maxBytes: MAX_MEDIA_BYTES,
    timeoutMs: 20_000,
    maxRedirects: 3,
    headers: providerHeaders(url, config),
    allowHosts,
  });
  return { ...result, name: att.name ?? null };
}
