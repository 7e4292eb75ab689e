import { and, eq, ne } from 'drizzle-orm';
import { messages } from '#server/db/schema';
import { arr, rec, str } from '#server/channels/kit/fields';
import { outboundText } from '#server/channels/kit/replyFacts';
import type { ChannelContext, OutboundJob, Reconciliation } from '#server/channels/types';
import { twilioConfig, twilioMessagesApi, twilioParties } from './send';

/** Provider and server clocks differ a little; a message created this long before the attempt still counts. */
const CLOCK_SKEW_MS = 5 * 60_000;
const LOOKUP_TIMEOUT_MS = 10_000;
const RETRY_LOOKUP_MS = 30_000;

/**
 * Twilio has no idempotency key for creating a message, but its message list can be read: after a
 * crash interrupted a send, look for a message with the same To, From and Body created since the
 * attempt started (and not already recorded for another reply). Found: it went out, never send it
 * again. Not found: it did not. The list cannot be read: ask again later rather than risk a duplicate.
 */
export async function reconcileTwilio(
  ctx: ChannelContext,
  channel: 'sms' | 'whatsapp',
  job: OutboundJob,
): Promise<Reconciliation> {
  const cfg = twilioConfig(ctx);
  const parties = twilioParties(cfg, channel, job.identity.address);
  const api = twilioMessagesApi(cfg);
  const query = new URLSearchParams({ To: parties.to, From: parties.from, PageSize: '50' });
  let listed: unknown[];
  try {
    const res = await ctx.fetch(`${api.url}?${query}`, {
      method: 'GET',
      headers: { Authorization: api.authorization, Accept: 'application/json' },
      timeoutMs: LOOKUP_TIMEOUT_MS,
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    listed = arr(rec(await res.json())?.messages);
  } catch {
    return { askAgainAt: ctx.now() + RETRY_LOOKUP_MS };
  }
  const text = outboundText(job);
  const since = job.attemptStartedAt - CLOCK_SKEW_MS;
  for (const item of listed) {
    const m = rec(item);
    const sid = str(m?.sid);
    const created = Date.parse(str(m?.date_created) ?? '');
    if (!sid || str(m?.body) !== text || !(created >= since)) continue;
    const taken = ctx.db
      .select({ id: messages.id })
      .from(messages)
      .where(and(eq(messages.providerMessageId, sid), ne(messages.id, job.message.id)))
      .get();
    if (!taken) return { found: true, providerMessageId: sid };
  }
  return { found: false };
}
