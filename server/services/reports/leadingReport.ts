// Leading indicators of a scope: expectations exceeded, returning customers, compliments.
import { sql, type SQL } from 'drizzle-orm';
import {
  expectationsExceeded,
  isThanks,
  RETURN_WINDOW_MS,
  returningCustomers,
  summarizeReturns,
  type ReturnOutcome,
  type ThreadEpisode,
  type WaitPromise,
} from '#server/domain/reports/leading';
import { share } from '#server/domain/reports/stats';
import { CONFIDENT_AT } from '#shared/sentimentConfidence';
import { listAgents } from '#server/services/agents';
import { ATTRIBUTION } from '#server/services/metricReports';
import type { Db } from '#server/db/connection';
import type { LeadingMetric, LeadingReport } from '#shared/schemas/reports';
import type { Sample } from './samples';
import { scopeWhere, type ReportScope } from './scope';

/** Conditions on an episode (alias e) for a scope: opened in range, its team, opener's channel. */
function episodeWhere(s: ReportScope): SQL {
  const parts: SQL[] = [sql`e.opened_at >= ${s.from}`, sql`e.opened_at < ${s.to}`];
  if (s.teamIds !== null)
    parts.push(
      s.teamIds.length
        ? sql`e.team_id in (${sql.join(
            s.teamIds.map((t) => sql`${t}`),
            sql`, `,
          )})`
        : sql`0`,
    );
  if (s.channel)
    parts.push(sql`(select m.channel from messages m where m.episode_id = e.id and m.direction = 'inbound'
      order by m.sort_ts, m.id limit 1) = ${s.channel}`);
  if (s.agentId !== undefined) parts.push(sql`rf.agent_id = ${s.agentId}`);
  return sql.join(parts, sql` and `);
}

/**
 * Promises: episodes opened in the scope whose acknowledgement promised a wait, with the first
 * response's business-time wait (the promise is a business-time prediction). Owned by the first responder.
 */
function promises(db: Db, s: ReportScope): Array<WaitPromise & { agentId: number | null } & Behind> {
  return db
    .all<{ p: number; a: number | null; b: number | null } & Behind>(
      sql`
    select e.predicted_wait_ms p, rf.agent_id a, rf.business_ms b, e.id episodeId, e.thread_id threadId,
      e.opened_at at from episodes e
      left join reply_facts rf on rf.episode_id = e.id and rf.is_first = 1 and rf.outcome = 'accepted'
    where e.predicted_wait_ms is not null and ${episodeWhere(s)}`,
    )
    .map((r) => ({
      promisedMs: r.p,
      answeredMs: r.b,
      agentId: r.a,
      episodeId: r.episodeId,
      threadId: r.threadId,
      at: r.at,
    }));
}

/**
 * Each customer with an episode resolved in the scope, and whether they came back within 30 days.
 * Only episodes that can matter are read: those resolved in the scope (candidates) and those opened
 * after `from` up to 30 days after `to` (the only ones that can be the next episode of a candidate);
 * older ones can neither be a candidate nor follow one. The opening-time index covers the read.
 */
function returns(db: Db, s: ReportScope): Array<ReturnOutcome & { at: number }> {
  type Row = { e: number; th: number; a: number | null; o: number; r: number | null; ss: number | null };
  const inScope = db.all<Row>(sql`
    select e.id e, e.thread_id th, ef.agent_id a, e.opened_at o, ef.resolved_at r, e.sentiment_start ss
    from episode_facts ef join episodes e on e.id = ef.episode_id
    where ${scopeWhere(s, 'ef', 'resolved_at')}`);
  const candidates = new Set(inScope.map((r) => r.e));
  const threads = new Set(inScope.map((r) => r.th));
  const later = db.all<Row>(sql`
    select e.id e, e.thread_id th, ef.agent_id a, e.opened_at o, coalesce(ef.resolved_at, e.resolved_at) r, e.sentiment_start ss
    from episodes e indexed by episodes_opened_cover_idx left join episode_facts ef on ef.episode_id = e.id
    where e.opened_at > ${s.from} and e.opened_at <= ${s.to + RETURN_WINDOW_MS}`);
  const rows = [...inScope, ...later.filter((r) => threads.has(r.th) && !candidates.has(r.e))];
  const episodes: ThreadEpisode[] = rows.map((r) => ({
    episodeId: r.e,
    threadId: r.th,
    agentId: r.a,
    openedAt: r.o,
    resolvedAt: r.r,
    sentimentStart: r.ss,
    inScope: candidates.has(r.e),
  }));
  const resolvedAt = new Map(rows.map((r) => [r.e, r.r ?? r.o]));
  return returningCustomers(episodes, s.from, s.to).map((o) => ({ ...o, at: resolvedAt.get(o.episodeId)! }));
}

/**
 * Compliments in episodes resolved in the scope, with the number of those episodes. One read: the
 * confidently positive customer messages of those episodes, each with the author of the latest agent
 * reply before it in its episode (what `findCompliments` walks the episode for); the words are checked
 * here (tests/server/services/reports/leadingReads.test.ts compares it with the walk).
 */
export function compliments(db: Db, s: ReportScope) {
  const resolved = db.all<{ n: number }>(
    sql`select count(*) n from episode_facts ef where ${scopeWhere(s, 'ef', 'resolved_at')}`,
  )[0].n;
  const rows = db.all<{ id: number; e: number; th: number; at: number; text: string; a: number | null }>(sql`
    select m.id id, m.episode_id e, m.thread_id th, m.sort_ts at, m.text text,
      (select o.author_agent_id from messages o where o.episode_id = m.episode_id and o.direction = 'outbound'
        and o.is_auto = 0 and o.author_agent_id is not null and (o.sort_ts, o.id) < (m.sort_ts, m.id)
        order by o.sort_ts desc, o.id desc limit 1) a
    from episode_facts ef join messages m indexed by messages_positive_inbound_idx on m.episode_id = ef.episode_id
    where ${scopeWhere({ ...s, agentId: undefined }, 'ef', 'resolved_at')}
      and m.direction = 'inbound' and m.sentiment_label = 'positive'
      and (m.sentiment_confidence is null or m.sentiment_confidence >= ${CONFIDENT_AT})`);
  const found: Array<{ messageId: number; agentId: number } & Behind> = [];
  for (const r of rows)
    if (r.a !== null && (s.agentId === undefined || r.a === s.agentId) && isThanks(r.text))
      found.push({ messageId: r.id, agentId: r.a, episodeId: r.e, threadId: r.th, at: r.at });
  return { found, resolved };
}

/** Where a leading-indicator outcome happened: its episode, thread and time. */
interface Behind {
  episodeId: number;
  threadId: number;
  at: number;
}

/**
 * The outcomes behind one leading indicator, as drill-down samples (value 1 or 0), in the order the
 * list shows them: promises not beaten first, customers who came back first, the latest compliments
 * first (each list then latest first).
 */
export function leadingSamples(db: Db, s: ReportScope, metric: LeadingMetric): Sample[] {
  const out: Sample[] =
    metric === 'expectations'
      ? promises(db, s).map((p) => ({ ...pickBehind(p), value: expectationsExceeded([p]).exceeded }))
      : metric === 'returning'
        ? returns(db, s)
            .filter((o) => s.agentId === undefined || o.agentId === s.agentId)
            .map((o) => ({ ...pickBehind(o), value: o.returned ? 1 : 0 }))
        : compliments(db, s).found.map((c) => ({ ...pickBehind(c), value: 1 }));
  const first = metric === 'expectations' ? 0 : 1;
  return out.sort((a, b) => Number(b.value === first) - Number(a.value === first) || b.at - a.at);
}

const pickBehind = (x: Behind): Behind => ({ episodeId: x.episodeId, threadId: x.threadId, at: x.at });

/** The leading indicators of a scope, in total and per agent. */
export function leadingReport(db: Db, s: ReportScope): LeadingReport {
  const p = promises(db, s);
  const r = returns(db, s).filter((o) => s.agentId === undefined || o.agentId === s.agentId);
  const c = compliments(db, s);
  const ids = new Set<number>();
  for (const x of [...p, ...r, ...c.found]) if (x.agentId !== null) ids.add(x.agentId);
  const items = listAgents(db, () => 'offline')
    .filter((a) => ids.has(a.id))
    .map((a) => ({
      agentId: a.id,
      name: a.name,
      expectations: expectationsExceeded(p.filter((x) => x.agentId === a.id)),
      returning: summarizeReturns(r.filter((x) => x.agentId === a.id)),
      compliments: { count: c.found.filter((x) => x.agentId === a.id).length },
    }));
  const complimented = new Set(c.found.map((x) => x.episodeId)).size;
  return {
    from: s.from,
    to: s.to,
    time: s.time,
    attribution: ATTRIBUTION,
    expectations: expectationsExceeded(p),
    returning: summarizeReturns(r),
    compliments: { count: c.found.length, episodes: complimented, share: share(complimented, c.resolved) },
    items,
  };
}
