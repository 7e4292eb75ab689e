import type { Db } from '#server/db/connection';
import { toThreadSummary, type SummaryRow } from '#server/db/mappers';
import { pageStatements } from '#server/db/pageStatements';
import type { ChannelKind } from '#shared/channels';
import { customerHint, type HintSource } from '#shared/identityLabel';
import type { IdentityHint } from '#shared/schemas/customer';
import type { ThreadSummary } from '#shared/schemas/thread';
import { knownSlaFacts, loadSlaPolicies, threadSla, type SlaEpisode, type SlaFacts, type SlaThread } from './sla';
import { COL, type ListRow } from './threadListQuery';

// A page of the inbox list from the rows of its statement (threadListQuery.ts): each row already
// holds the customer's name and tier and the current episode's clock facts, so besides the rows a
// page reads only its customers' identities (for the hints), in one statement.

/** The list items of a page's rows: summary, customer hint, SLA badge as of `now`, unread count. */
export function listItems(db: Db, rows: readonly ListRow[], now: number): ThreadSummary[] {
  const threads = rows.map(threadOf);
  const policies = loadSlaPolicies(db);
  const facts = policies.length > 0 ? slaFactsOf(db, rows) : undefined;
  const hints = pageHints(
    db,
    threads.map((t) => t.customerId),
  );
  return rows.map((r, i) => {
    const t = threads[i];
    const customer = { id: t.customerId, name: r[COL.name] as string, hint: hints.get(t.customerId) ?? null };
    const sla = facts ? threadSla(db, t, now, policies, facts) : null;
    return toThreadSummary(t, customer, sla, r[COL.unread] as number);
  });
}

type ListThread = SummaryRow & SlaThread;

function threadOf(r: ListRow): ListThread {
  return {
    id: r[COL.id] as number,
    customerId: r[COL.customerId] as number,
    status: r[COL.status] as ListThread['status'],
    snoozedUntil: r[COL.snoozedUntil] as number | null,
    assigneeId: r[COL.assigneeId] as number | null,
    teamId: r[COL.teamId] as number | null,
    priority: r[COL.priority] as ListThread['priority'],
    currentEpisodeId: r[COL.currentEpisodeId] as number | null,
    waitingSince: r[COL.waitingSince] as number | null,
    lastMessageAt: r[COL.lastMessageAt] as number,
    lastMessageId: r[COL.lastMessageId] as number | null,
    lastMessagePreview: r[COL.lastMessagePreview] as string,
    lastInboundChannel: r[COL.lastInboundChannel] as ChannelKind | null,
    channels: JSON.parse(r[COL.channels] as string) as ChannelKind[],
    lastSentimentScore: r[COL.lastSentimentScore] as number | null,
    lastSentimentLabel: r[COL.lastSentimentLabel] as ListThread['lastSentimentLabel'],
    // The list statement reads live threads only.
    mergedIntoThreadId: null,
  };
}

/** SLA facts from the rows themselves: the customer's tier and the current episode came with each thread. */
function slaFactsOf(db: Db, rows: readonly ListRow[]): SlaFacts {
  const tiers = new Map<number, string | null>();
  const episodes = new Map<number, SlaEpisode>();
  for (const r of rows) {
    tiers.set(r[COL.customerId] as number, r[COL.tier] as string | null);
    const id = r[COL.episodeId] as number | null;
    if (id === null) continue;
    episodes.set(id, {
      id,
      openedAt: r[COL.episodeOpenedAt] as number,
      firstResponseAt: r[COL.episodeFirstResponseAt] as number | null,
      resolvedAt: r[COL.episodeResolvedAt] as number | null,
      pausedMs: r[COL.episodePausedMs] as number,
      pausedBusinessMs: r[COL.episodePausedBusinessMs] as number,
    });
  }
  return knownSlaFacts(db, tiers, episodes);
}

/** The customer hint of each customer on a page, from one read of their identities. */
function pageHints(db: Db, customerIds: number[]): Map<number, IdentityHint | null> {
  const byCustomer = new Map<number, HintSource[]>();
  const rows = pageStatements(db).hintSourcesOfCustomers.all({ ids: JSON.stringify(customerIds) });
  for (const [customerId, channel, address, phone, email, verified, username, createdAt, lastInboundAt] of rows) {
    const source: HintSource = {
      channel,
      address,
      phone,
      email,
      verified: verified === 1,
      meta: username === null ? null : { username },
      createdAt,
      lastInboundAt,
    };
    const list = byCustomer.get(customerId);
    if (list) list.push(source);
    else byCustomer.set(customerId, [source]);
  }
  return new Map(customerIds.map((id) => [id, customerHint(byCustomer.get(id) ?? [])]));
}
