// Leading indicators of a scope: expectations exceeded, returning customers, compliments.
import { sql, type SQL } from 'drizzle-orm';
import {
  expectationsExceeded,
  findCompliments,
  returningCustomers,
  summarizeReturns,
  type EpisodeMessage,
  type ReturnOutcome,
  type ThreadEpisode,
  type WaitPromise,
} from '#server/domain/reports/leading';
import { share } from '#server/domain/reports/stats';
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

/** Each customer with an episode resolved in the scope, and whether they came back within 30 days. */
function returns(db: Db, s: ReportScope): Array<ReturnOutcome & { at: number }> {
  const inScope = new Set(
    db
      .all<{ e: number }>(sql`select ef.episode_id e from episode_facts ef where ${scopeWhere(s, 'ef', 'resolved_at')}`)
      .map((r) => r.e),
  );
  const rows = db.all<{ e: number; th: number; a: number | null; o: number; r: number | null; ss: number | null }>(sql`
    select e.id e, e.thread_id th, ef.agent_id a, e.opened_at o, coalesce(ef.resolved_at, e.resolved_at) r, e.sentiment_start ss
    from episodes e left join episode_facts ef on ef.episode_id = e.id
    where e.thread_id in (select ep.thread_id from episode_facts ef2 join episodes ep on ep.id = ef2.episode_id
      where ${scopeWhere(s, 'ef2', 'resolved_at')})`);
  const episodes: ThreadEpisode[] = rows.map((r) => ({
    episodeId: r.e,
    threadId: r.th,
    agentId: r.a,
    openedAt: r.o,
    resolvedAt: r.r,
    sentimentStart: r.ss,
    inScope: inScope.has(r.e),
  }));
  const resolvedAt = new Map(rows.map((r) => [r.e, r.r ?? r.o]));
  return returningCustomers(episodes, s.from, s.to).map((o) => ({ ...o, at: resolvedAt.get(o.episodeId)! }));
}

/** Compliments in episodes resolved in the scope, with the number of those episodes. */
export function compliments(db: Db, s: ReportScope) {
  const resolved = db.all<{ n: number }>(
    sql`select count(*) n from episode_facts ef where ${scopeWhere(s, 'ef', 'resolved_at')}`,
  )[0].n;
  const candidates = db.all<{ e: number }>(sql`
    select distinct m.episode_id e from episode_facts ef join messages m on m.episode_id = ef.episode_id
    where ${scopeWhere({ ...s, agentId: undefined }, 'ef', 'resolved_at')}
      and m.direction = 'inbound' and m.sentiment_label = 'positive'`);
  const found: Array<{ messageId: number; agentId: number } & Behind> = [];
  for (const { e } of candidates) {
    const msgs = db.all<Omit<EpisodeMessage, 'isAuto'> & { isAuto: number; threadId: number; at: number }>(sql`
      select id, direction, author_agent_id agentId, is_auto isAuto, text, sentiment_label sentimentLabel,
        sentiment_confidence sentimentConfidence, thread_id threadId, sort_ts at
      from messages where episode_id = ${e} order by sort_ts, id`);
    const byId = new Map(msgs.map((m) => [m.id, m]));
    for (const c of findCompliments(msgs.map((m) => ({ ...m, isAuto: Boolean(m.isAuto) }))))
      if (s.agentId === undefined || c.agentId === s.agentId) {
        const m = byId.get(c.messageId)!;
        found.push({ ...c, episodeId: e, threadId: m.threadId, at: m.at });
      }
  }
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
